package org.layerloom.engine.project;

/** Where a project wants to train: the GPU when there is one (AUTO), or always on the CPU or GPU. */
public enum DeviceChoice {
    AUTO("auto"), CPU("cpu"), GPU("gpu");

    private final String id;

    DeviceChoice(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static java.util.Optional<DeviceChoice> fromId(String id) {
        return java.util.Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id)).findFirst();
    }
}
