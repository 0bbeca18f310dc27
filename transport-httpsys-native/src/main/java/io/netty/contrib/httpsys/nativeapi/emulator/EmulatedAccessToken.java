package io.netty.contrib.httpsys.nativeapi.emulator;

/**
 * What an emulated access token handle ({@code HTTP_REQUEST_AUTH_INFO.AccessToken}) stands for: the account it
 * was issued to. Registered in the {@link HandleTable} under a {@code HANDLE} value, answered by
 * {@link EmulatedTokenApi}, removed by {@code CloseHandle}, so a token the application never closes stays
 * visible as an open handle ({@link Emulator#openAccessTokens()}).
 */
final class EmulatedAccessToken {

    final EmulatedAccount account;

    EmulatedAccessToken(EmulatedAccount account) {
        this.account = account;
    }
}
