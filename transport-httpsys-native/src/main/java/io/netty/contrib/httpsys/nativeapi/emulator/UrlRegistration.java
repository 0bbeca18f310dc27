package io.netty.contrib.httpsys.nativeapi.emulator;

/** One URL prefix added to a group, with the {@code HTTP_URL_CONTEXT} its requests carry. */
record UrlRegistration(UrlPrefix prefix, UrlGroup group, long urlContext) {
}
