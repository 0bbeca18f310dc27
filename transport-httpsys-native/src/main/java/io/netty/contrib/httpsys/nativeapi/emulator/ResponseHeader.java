package io.netty.contrib.httpsys.nativeapi.emulator;

/** One response header: the name (canonical for known headers) and the value, as raw bytes. */
public record ResponseHeader(byte[] name, byte[] value) {
}
