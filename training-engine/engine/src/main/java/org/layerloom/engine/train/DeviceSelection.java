package org.layerloom.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.layerloom.engine.project.DeviceChoice;

/**
 * Picks the device a run trains on: the GPU when DJL reports one and the project allows it, else the
 * CPU. Asking for a GPU where there is none is refused with directions. Any thread.
 */
final class DeviceSelection {

    private DeviceSelection() {
    }

    static Device choose(DeviceChoice choice) throws TrainingSetupException {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new TrainingSetupException("This project asks for a GPU, but none was found. Train on the"
                            + " CPU (device \"cpu\" or \"auto\"), or see the README's section on NVIDIA GPUs to use"
                            + " the CUDA build of PyTorch.");
                }
                yield Device.gpu();
            }
        };
    }

    /** "CPU" or "GPU 0", as students read it. */
    static String describe(Device device) {
        return device.isGpu() ? "GPU " + device.getDeviceId() : "CPU";
    }
}
