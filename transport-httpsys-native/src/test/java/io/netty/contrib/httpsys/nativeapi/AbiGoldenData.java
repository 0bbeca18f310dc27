package io.netty.contrib.httpsys.nativeapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The x64 layouts and constant values the SDK headers define, read from the golden TSV files that
 * {@code src/abi/generate.sh} produces: {@code abi-x64-mingw.tsv} (everything mingw-w64's headers have) and
 * {@code abi-x64-sdk.tsv} (what Microsoft's win32metadata adds or corrects).
 *
 * <p>Merging rule: the SDK file wins. A struct described in the SDK file replaces the mingw description
 * as a whole (so a field mingw has and the SDK does not cannot survive), a constant in the SDK file
 * replaces the mingw value of the same name, and a {@code missing} line in the SDK file removes a mingw
 * name that the SDK does not define (a mingw misspelling, for example).
 *
 * <p>Line formats (TAB separated; {@code #} starts a comment line):
 * <pre>
 * STRUCT  (sizeof)   N
 * STRUCT  (alignof)  N
 * STRUCT  FIELD      OFFSET  SIZE
 * const   NAME       VALUE           unsigned decimal bit pattern (32 bits for C values narrower than 64)
 * missing NAME       REASON
 * </pre>
 */
final class AbiGoldenData {

    static final String MINGW_RESOURCE = "/abi/abi-x64-mingw.tsv";
    static final String SDK_RESOURCE = "/abi/abi-x64-sdk.tsv";

    /** The layout of one struct: its size, alignment and fields (dotted paths for union/nested members). */
    record StructLayout(String name, int size, int alignment, Map<String, FieldLayout> fields) {
    }

    /** The offset and size in bytes of one field. */
    record FieldLayout(int offset, int size) {
    }

    private final Map<String, StructLayout> structs;
    private final Map<String, BigInteger> constants;

    private AbiGoldenData(Map<String, StructLayout> structs, Map<String, BigInteger> constants) {
        this.structs = Collections.unmodifiableMap(structs);
        this.constants = Collections.unmodifiableMap(constants);
    }

    /** Loads both committed golden files from the test classpath, the SDK file overriding mingw. */
    static AbiGoldenData load() {
        return merge(read(MINGW_RESOURCE), read(SDK_RESOURCE));
    }

    /** Parses golden text in the TSV format; {@code mingw} is overridden by {@code sdk}. */
    static AbiGoldenData parse(String mingw, String sdk) {
        return merge(parse(new StringReader(mingw), "mingw"), parse(new StringReader(sdk), "sdk"));
    }

    StructLayout struct(String name) {
        return structs.get(name);
    }

    /** The constant's value as an unsigned bit pattern, or {@code null} when the golden data lacks it. */
    BigInteger constant(String name) {
        return constants.get(name);
    }

    private static AbiGoldenData merge(Parsed mingw, Parsed sdk) {
        Map<String, StructLayout> structs = new LinkedHashMap<>(mingw.structs());
        structs.putAll(sdk.structs());
        Map<String, BigInteger> constants = new LinkedHashMap<>(mingw.constants);
        constants.putAll(sdk.constants);
        for (String name : sdk.missing) {
            structs.remove(name);
            constants.remove(name);
        }
        return new AbiGoldenData(structs, constants);
    }

    private static Parsed read(String resource) {
        InputStream in = AbiGoldenData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("golden ABI data " + resource + " is not on the test classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Parsed parse(Reader source, String origin) {
        Parsed parsed = new Parsed();
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    parsed.add(line.split("\t", -1));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(origin + ":" + number + ": malformed golden line: " + line, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parsed;
    }

    /** One file's content before merging. */
    private static final class Parsed {
        private final Map<String, MutableStruct> structs = new LinkedHashMap<>();
        private final Map<String, BigInteger> constants = new LinkedHashMap<>();
        private final List<String> missing = new ArrayList<>();

        void add(String[] columns) {
            switch (columns[0]) {
                case "const" -> constants.put(columns[1], new BigInteger(columns[2]));
                case "missing" -> missing.add(columns[1]);
                default -> addStructLine(columns);
            }
        }

        private void addStructLine(String[] columns) {
            MutableStruct struct = structs.computeIfAbsent(columns[0], MutableStruct::new);
            switch (columns[1]) {
                case "(sizeof)" -> struct.size = Integer.parseInt(columns[2]);
                case "(alignof)" -> struct.alignment = Integer.parseInt(columns[2]);
                default -> struct.fields.put(columns[1],
                        new FieldLayout(Integer.parseInt(columns[2]), Integer.parseInt(columns[3])));
            }
        }

        Map<String, StructLayout> structs() {
            Map<String, StructLayout> frozen = new LinkedHashMap<>();
            structs.forEach((name, struct) -> frozen.put(name, struct.freeze()));
            return frozen;
        }
    }

    private static final class MutableStruct {
        private final String name;
        private int size = -1;
        private int alignment = -1;
        private final Map<String, FieldLayout> fields = new LinkedHashMap<>();

        MutableStruct(String name) {
            this.name = name;
        }

        StructLayout freeze() {
            return new StructLayout(name, size, alignment, Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
        }
    }
}
