package shopkb.opensearch.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The home folder the nodes of one cluster share ({@code opensearch.path.home}): the transport module with the
 * descriptor a distribution would carry, and each plugin unpacked from its zip under {@code plugins/<name>}, as
 * {@code bin/opensearch-plugin install} unpacks it.
 */
final class NodeHome {

    private NodeHome() {
    }

    static Path create(Path dir, List<Path> pluginZips) throws IOException {
        String opensearchVersion = NodeJars.version();
        Path module = Files.createDirectories(dir.resolve("modules/transport-netty4"));
        for (Path jar : NodeJars.transportModule()) {
            Files.copy(jar, module.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(module.resolve("plugin-descriptor.properties"), String.join("\n",
                "name=transport-netty4",
                "description=Netty 4 based transport implementation",
                "version=" + opensearchVersion,
                "classname=org.opensearch.transport.Netty4ModulePlugin",
                "java.version=21",
                "opensearch.version=" + opensearchVersion,
                "extended.plugins=",
                "has.native.controller=false", ""));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (Path zip : pluginZips) {
            unpack(zip, plugins);
        }
        return dir;
    }

    private static void unpack(Path zip, Path plugins) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry descriptor = file.getEntry("plugin-descriptor.properties");
            if (descriptor == null) {
                throw new IOException(zip + " has no plugin-descriptor.properties at its root: not an OpenSearch plugin");
            }
            var properties = new Properties();
            try (InputStream in = file.getInputStream(descriptor)) {
                properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            String name = properties.getProperty("name", "");
            if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
                throw new IOException(zip + " names its plugin '" + name + "'; expected lower-case letters, digits, - and _");
            }
            Path target = Files.createDirectories(plugins.resolve(name));
            for (ZipEntry entry : file.stream().toList()) {
                Path to = target.resolve(entry.getName()).normalize();
                if (!to.startsWith(target)) {
                    throw new IOException(zip + " has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
