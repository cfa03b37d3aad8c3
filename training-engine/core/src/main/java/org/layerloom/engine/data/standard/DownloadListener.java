package org.layerloom.engine.data.standard;

import org.layerloom.engine.data.ProgressListener;

/**
 * A {@link ProgressListener} that also wants the details of downloads (bytes, percent, speed). Called on the
 * downloading thread; a UI must hand the values over to its own thread.
 */
public interface DownloadListener extends ProgressListener {

    void downloadDidProgress(DownloadProgress progress);
}
