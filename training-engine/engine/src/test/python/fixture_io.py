"""Writing reference fixtures: .npz files whose bytes depend only on their arrays.

np.savez stamps each entry with the current time, so a rerun would write other bytes. This writes the
same format as np.savez_compressed (a deflated zip of .npy entries, which DJL's NDList.decode and
numpy.load read) with a fixed entry date, so that regenerating a fixture from the same seeds gives an
identical file.
"""

import io
import zipfile

import numpy as np

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def write_npz(path, arrays):
    """Writes {name: array} to path as an .npz with fixed entry dates, in the dict's order."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key, value in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(value), allow_pickle=False)
            entry = zipfile.ZipInfo(key + ".npy", date_time=FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, buffer.getvalue())
