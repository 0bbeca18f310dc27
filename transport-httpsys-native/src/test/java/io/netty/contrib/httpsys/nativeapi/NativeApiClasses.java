package io.netty.contrib.httpsys.nativeapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the production classes of {@code io.netty.contrib.httpsys.nativeapi} and its subpackages, so the ABI
 * test checks every annotated layout and constant class without a hand-kept list that could forget one.
 *
 * <p>Only the code source that holds {@link NativeStruct} is scanned (the module's {@code classes}
 * directory in a Maven test run, or its jar): test classes in the same package, such as the deliberately
 * wrong fixtures of {@code AbiCheckerTest}, are not production layouts and stay out.
 */
final class NativeApiClasses {

    private static final String PACKAGE_PATH = NativeStruct.class.getPackageName().replace('.', '/');

    private NativeApiClasses() {
    }

    /** The classes, loaded without running their static initializers, in a stable order. */
    static List<Class<?>> list() {
        Path root = codeSource();
        List<String> names = Files.isDirectory(root) ? fromDirectory(root) : fromJar(root);
        names.sort(null);
        List<Class<?>> classes = new ArrayList<>(names.size());
        ClassLoader loader = NativeStruct.class.getClassLoader();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("listed but not loadable: " + name, e);
            }
        }
        return classes;
    }

    private static Path codeSource() {
        try {
            return Path.of(NativeStruct.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fromDirectory(Path root) {
        Path packageDir = root.resolve(PACKAGE_PATH);
        try (Stream<Path> files = Files.walk(packageDir)) {
            List<String> names = new ArrayList<>();
            files.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .map(NativeApiClasses::className)
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fromJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = new ArrayList<>();
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(PACKAGE_PATH + "/") && entry.endsWith(".class")) {
                    names.add(className(entry));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(String classFilePath) {
        return classFilePath.substring(0, classFilePath.length() - ".class".length()).replace('/', '.');
    }
}
