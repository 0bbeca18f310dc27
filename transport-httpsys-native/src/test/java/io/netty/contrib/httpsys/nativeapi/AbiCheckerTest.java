package io.netty.contrib.httpsys.nativeapi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds deliberately wrong layout and constant classes to {@link AbiChecker}, so that CI proves the ABI test
 * catches a single wrong offset, size or value (and names the class and field), not merely that today's
 * classes happen to pass. Also pins the SDK-over-mingw merge rule of {@link AbiGoldenData}.
 */
class AbiCheckerTest {

    private static final String MINGW = String.join("\n",
            "# comment lines are ignored",
            "HTTP_VERSION\t(sizeof)\t4",
            "HTTP_VERSION\t(alignof)\t2",
            "HTTP_VERSION\tMajorVersion\t0\t2",
            "HTTP_VERSION\tMinorVersion\t2\t2",
            "HTTP_REQUEST_AUTH_INFO\t(sizeof)\t64",
            "HTTP_REQUEST_AUTH_INFO\tpMutualAuthData\t56\t8",
            "HTTP_REQUEST_AUTH_INFO\tMingwOnlyField\t60\t4",
            "const\tHttpDataChunkMaximum\t4",
            "const\tHttpResponseInfoTypeQosProperty\t2",
            "const\tINFINITE\t4294967295",
            "const\tHTTP_BYTE_RANGE_TO_EOF\t18446744073709551615",
            "const\tSTATUS_CANCELLED\t3221225760",
            "const\tAF_INET6\t23",
            "");
    private static final String SDK = String.join("\n",
            "HTTP_REQUEST_AUTH_INFO\t(sizeof)\t80",
            "HTTP_REQUEST_AUTH_INFO\t(alignof)\t8",
            "HTTP_REQUEST_AUTH_INFO\tpMutualAuthData\t56\t8",
            "HTTP_REQUEST_AUTH_INFO\tpPackageName\t72\t8",
            "const\tHttpDataChunkMaximum\t5",
            "const\tHttpResponseInfoTypeQoSProperty\t2",
            "missing\tHttpResponseInfoTypeQosProperty\tmingw-w64 spelling, not an SDK name",
            "");

    private static final AbiGoldenData GOLDEN = AbiGoldenData.parse(MINGW, SDK);

    @NativeStruct("HTTP_VERSION")
    static final class RightVersion {
        static final int SIZE = 4;
        @NativeField(value = "MajorVersion", size = 2)
        static final int MAJOR_VERSION = 0;
        @NativeField(value = "MinorVersion", size = 2)
        static final int MINOR_VERSION = 2;
    }

    @NativeStruct("HTTP_VERSION")
    static final class OneOffsetWrong {
        static final int SIZE = 4;
        @NativeField(value = "MajorVersion", size = 2)
        static final int MAJOR_VERSION = 0;
        @NativeField(value = "MinorVersion", size = 2)
        static final int MINOR_VERSION = 3;
    }

    @NativeStruct("HTTP_VERSION")
    static final class OneSizeWrong {
        static final int SIZE = 4;
        @NativeField(value = "MajorVersion", size = 4)
        static final int MAJOR_VERSION = 0;
        @NativeField(value = "MinorVersion", size = 2)
        static final int MINOR_VERSION = 2;
    }

    @NativeStruct("HTTP_VERSION")
    static final class SizeofWrongAndUnannotatedOffset {
        static final int SIZE = 8;
        static final int MINOR_VERSION = 2;
    }

    @NativeStruct("HTTP_VERSION")
    static final class NoSize {
        @NativeField(value = "MajorVersion", size = 2)
        static final int MAJOR_VERSION = 0;
    }

    @NativeStruct("HTTP_VERSION")
    static final class UnknownField {
        static final int SIZE = 4;
        @NativeField(value = "PatchVersion", size = 2)
        static final int PATCH_VERSION = 4;
    }

    @NativeStruct("HTTP_NO_SUCH_STRUCT")
    static final class UnknownStruct {
        static final int SIZE = 4;
    }

    /** The mingw layout (64 bytes, with a field the SDK does not have) must lose to the SDK's. */
    @NativeStruct("HTTP_REQUEST_AUTH_INFO")
    static final class MingwAuthInfo {
        static final int SIZE = 64;
        @NativeField(value = "MingwOnlyField", size = 4)
        static final int MINGW_ONLY_FIELD = 60;
    }

    @NativeConstants("test")
    static final class RightConstants {
        public static final int HttpDataChunkMaximum = 5;
        public static final int HttpResponseInfoTypeQoSProperty = 2;
        public static final int INFINITE = -1;
        public static final int STATUS_CANCELLED = 0xC0000120;
        public static final long HTTP_BYTE_RANGE_TO_EOF = -1L;
        public static final short AF_INET6 = 23;
        // Not public: a helper, not an SDK constant, and so not checked.
        static final int PRIVATE_HELPER = 12345;
    }

    @NativeConstants("test")
    static final class WrongConstants {
        public static final int HttpDataChunkMaximum = 4;
        public static final int HttpResponseInfoTypeQosProperty = 2;
        public static final long INFINITE = -1L;
        public static final int HTTP_NO_SUCH_CONSTANT = 1;
    }

    @Test
    void acceptsAClassThatMatches() {
        AbiChecker checker = new AbiChecker(GOLDEN).checkStruct(RightVersion.class);

        assertEquals(List.of(), checker.mismatches());
        assertEquals(1, checker.structsChecked());
        assertEquals(2, checker.fieldsChecked());
    }

    @Test
    void reportsOneWrongOffsetWithClassFieldAndBothValues() {
        List<String> mismatches = new AbiChecker(GOLDEN).checkStruct(OneOffsetWrong.class).mismatches();

        assertEquals(1, mismatches.size(), mismatches::toString);
        String message = mismatches.get(0);
        assertTrue(message.contains(OneOffsetWrong.class.getName() + ".MINOR_VERSION"), message);
        assertTrue(message.contains("HTTP_VERSION.MinorVersion is 2, the class says 3"), message);
    }

    @Test
    void reportsAWrongFieldSize() {
        List<String> mismatches = new AbiChecker(GOLDEN).checkStruct(OneSizeWrong.class).mismatches();

        assertEquals(1, mismatches.size(), mismatches::toString);
        assertTrue(mismatches.get(0).contains("size of HTTP_VERSION.MajorVersion is 2, @NativeField says 4"),
                mismatches.get(0));
    }

    @Test
    void reportsAWrongSizeofAndAnOffsetWithoutAnnotation() {
        List<String> mismatches = new AbiChecker(GOLDEN).checkStruct(SizeofWrongAndUnannotatedOffset.class)
                .mismatches();

        assertEquals(2, mismatches.size(), mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains(".SIZE: sizeof(HTTP_VERSION) is 4, the class says 8")),
                mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains(".MINOR_VERSION: static final int without @NativeField")),
                mismatches::toString);
    }

    @Test
    void reportsAMissingSize() {
        List<String> mismatches = new AbiChecker(GOLDEN).checkStruct(NoSize.class).mismatches();

        assertEquals(1, mismatches.size(), mismatches::toString);
        assertTrue(mismatches.get(0).contains(NoSize.class.getName() + ": no static final int SIZE"), mismatches.get(0));
    }

    @Test
    void reportsFieldsAndStructsTheGoldenDataLacks() {
        List<String> field = new AbiChecker(GOLDEN).checkStruct(UnknownField.class).mismatches();
        List<String> struct = new AbiChecker(GOLDEN).checkStruct(UnknownStruct.class).mismatches();

        assertEquals(List.of(UnknownField.class.getName()
                + ".PATCH_VERSION: HTTP_VERSION.PatchVersion is not in the golden ABI data"), field);
        assertEquals(List.of(UnknownStruct.class.getName()
                + ": struct HTTP_NO_SUCH_STRUCT is not in the golden ABI data"), struct);
    }

    @Test
    void theSdkStructReplacesTheMingwStructAsAWhole() {
        List<String> mismatches = new AbiChecker(GOLDEN).checkStruct(MingwAuthInfo.class).mismatches();

        assertEquals(2, mismatches.size(), mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("sizeof(HTTP_REQUEST_AUTH_INFO) is 80")),
                mismatches::toString);
        assertTrue(mismatches.stream().anyMatch(m -> m.contains("HTTP_REQUEST_AUTH_INFO.MingwOnlyField is not in")),
                mismatches::toString);
    }

    @Test
    void acceptsConstantsByTheUnsignedBitPatternRule() {
        AbiChecker checker = new AbiChecker(GOLDEN).checkConstants(RightConstants.class);

        assertEquals(List.of(), checker.mismatches());
        assertEquals(6, checker.constantsChecked());
    }

    @Test
    void reportsWrongMissingAndNonSdkConstants() {
        List<String> mismatches = new AbiChecker(GOLDEN).checkConstants(WrongConstants.class).mismatches();
        String prefix = WrongConstants.class.getName() + ".";

        assertEquals(4, mismatches.size(), mismatches::toString);
        assertTrue(mismatches.contains(prefix + "HttpDataChunkMaximum: HttpDataChunkMaximum is 5 (0x5), the class"
                + " says 4 (0x4)"), mismatches::toString);
        assertTrue(mismatches.contains(prefix + "HttpResponseInfoTypeQosProperty: constant"
                + " HttpResponseInfoTypeQosProperty is not in the golden ABI data"), mismatches::toString);
        // A ULONG in a long must be zero-extended: -1L is 0xFFFFFFFFFFFFFFFF, not INFINITE.
        assertTrue(mismatches.contains(prefix + "INFINITE: INFINITE is 4294967295 (0xFFFFFFFF), the class says"
                + " 18446744073709551615 (0xFFFFFFFFFFFFFFFF)"), mismatches::toString);
        assertTrue(mismatches.contains(prefix + "HTTP_NO_SUCH_CONSTANT: constant HTTP_NO_SUCH_CONSTANT is not in the"
                + " golden ABI data"), mismatches::toString);
    }

    @Test
    void checkAllSkipsUnannotatedClassesAndCountsTheRest() {
        AbiChecker checker = new AbiChecker(GOLDEN)
                .checkAll(List.of(RightVersion.class, RightConstants.class, AbiCheckerTest.class));

        assertEquals(List.of(), checker.mismatches());
        assertEquals(1, checker.structsChecked());
        assertEquals(6, checker.constantsChecked());
    }

    @Test
    void committedGoldenDataCarriesTheSdkCorrections() {
        AbiGoldenData golden = AbiGoldenData.load();

        assertEquals(80, golden.struct("HTTP_REQUEST_AUTH_INFO").size());
        assertNotNull(golden.struct("HTTP_DATA_CHUNK").fields().get("Trailers.pTrailers"));
        assertEquals(14, golden.struct("HTTP_LOG_FIELDS_DATA").fields().get("ServerIpLength").offset());
        assertEquals(4, golden.constant("HttpDataChunkTrailers").intValueExact());
        assertEquals(6, golden.constant("HttpDataChunkMaximum").intValueExact());
        assertEquals(13, golden.constant("HttpServiceConfigMax").intValueExact());
        assertEquals(2, golden.constant("HttpResponseInfoTypeQoSProperty").intValueExact());
        assertNull(golden.constant("HttpResponseInfoTypeQosProperty"));
        assertEquals(2, golden.constant("HTTPAPI_VERSION_2").intValueExact());
        assertEquals(864, golden.struct("HTTP_REQUEST_V2").size());
    }
}
