package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * One request header line as received: the name as sent (any case) and the value trimmed of surrounding
 * whitespace, both as the raw bytes of the wire.
 */
public record RequestHeader(byte[] name, byte[] value) {
}
