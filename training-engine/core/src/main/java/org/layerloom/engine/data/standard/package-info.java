/**
 * The standard datasets (MNIST, Fashion-MNIST, CIFAR-10): a downloader with checksums, progress and
 * cancellation, a cache folder, "import from folder", and the CIFAR-10 binary reader. Nothing reaches the
 * network unless a request asks for it with the option "download".
 */
package org.layerloom.engine.data.standard;
