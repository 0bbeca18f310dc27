/**
 * Flyweight layouts of the SDK structs that cross the HTTP Server API: one final class per struct, holding
 * byte offsets and static accessors over a raw native address, so that reading a request or writing a
 * response allocates nothing and never goes through JNA {@code Structure}s.
 *
 * <p>Conventions, the same in every class:
 * <ul>
 *   <li>The class is named in CamelCase after the SDK struct ({@code HTTP_REQUEST_V2} is {@code HttpRequestV2})
 *       and carries its SDK name in {@link io.netty.contrib.httpsys.nativeapi.NativeStruct}; {@code SIZE} is
 *       its x64 {@code sizeof}.</li>
 *   <li>Each offset constant is the SDK field name in UPPER_SNAKE_CASE without its Hungarian prefix
 *       ({@code p}, {@code lp}, {@code dw}, {@code h}): {@code pRawUrl} is {@code RAW_URL},
 *       {@code FromMemory.pBuffer} is {@code FROM_MEMORY_BUFFER}, {@code hEvent} is {@code EVENT}. Its
 *       {@link io.netty.contrib.httpsys.nativeapi.NativeField} names the SDK field verbatim and its size,
 *       which the ABI test checks against the golden data.</li>
 *   <li>Accessors are named after the constant in lowerCamelCase ({@code rawUrl(address)},
 *       {@code setRawUrl(address, value)}) and are as wide as the field: {@code USHORT} reads as an
 *       unsigned {@code int}, {@code ULONG} and enums as {@code int}, 64-bit ids, handles and pointers as
 *       {@code long}, {@code BOOLEAN}/{@code UCHAR} as {@code byte}.</li>
 *   <li>An embedded struct is one field; its accessor returns the embedded struct's address, whose members
 *       the embedded struct's class addresses ({@code HttpCookedUrl.fullUrl(HttpRequestV2.cookedUrl(r))}).</li>
 *   <li>Arrays are addressed element by element: {@code at(array, index)} for arrays behind a pointer,
 *       {@code knownHeader(headers, id)} for the inline {@code KnownHeaders} arrays.</li>
 * </ul>
 * Nothing here checks addresses: a wrong one corrupts memory, so callers own the bounds of what they pass.
 */
package io.netty.contrib.httpsys.nativeapi.struct;
