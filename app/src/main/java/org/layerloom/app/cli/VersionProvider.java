package org.layerloom.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The text of {@code layerloom --version}: LayerLoom's version from the jar, and the Java running it. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {
            "LayerLoom " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ") on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch")
        };
    }
}
