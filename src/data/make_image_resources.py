#!/usr/bin/env python3
"""Builds the image data shipped inside the app, as gzip'd IDX files (big-endian magic 0x0803 images,
0x0801 labels, then the dimensions, then unsigned bytes), so one reader serves them and any MNIST-style
folder. Run from the repository root; it reads Debian's python3-sklearn and dataset-fashion-mnist.

- digits: scikit-learn's load_digits (UCI Optical Recognition of Handwritten Digits, CC BY 4.0),
  1,797 8x8 images, pixels 0..16 as they are (the app divides by 16).
- fashion: a class-balanced subset of Fashion-MNIST (Zalando, MIT): the first 300 images of each
  class of the official training split and the first 100 of each class of the official test split,
  in file order.
"""
import gzip
import struct

OUT = "src/main/resources/dev/backprop/playground/engine/data/"
SKLEARN = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"
FASHION = "/usr/share/datasets/fashion-mnist/"


def write_idx(path, images, labels, rows, cols):
    # mtime=0: the same input gives the same bytes
    with gzip.GzipFile(path + "-images-idx3-ubyte.gz", "wb", 9, mtime=0) as f:
        f.write(struct.pack(">iiii", 0x803, len(images), rows, cols))
        for im in images:
            f.write(bytes(im))
    with gzip.GzipFile(path + "-labels-idx1-ubyte.gz", "wb", 9, mtime=0) as f:
        f.write(struct.pack(">ii", 0x801, len(labels)))
        f.write(bytes(labels))


def read_idx(prefix):
    with gzip.open(prefix + "-images-idx3-ubyte.gz") as f:
        _, n, r, c = struct.unpack(">iiii", f.read(16))
        data = f.read()
        images = [data[i * r * c:(i + 1) * r * c] for i in range(n)]
    with gzip.open(prefix + "-labels-idx1-ubyte.gz") as f:
        f.read(8)
        labels = list(f.read())
    return images, labels


def balanced(images, labels, per_class):
    taken = [0] * 10
    out_i, out_l = [], []
    for im, lab in zip(images, labels):
        if taken[lab] < per_class:
            taken[lab] += 1
            out_i.append(im)
            out_l.append(lab)
    return out_i, out_l


rows = [list(map(int, line.split(","))) for line in gzip.open(SKLEARN, "rt") if line.strip()]
write_idx(OUT + "digits", [r[:64] for r in rows], [r[64] for r in rows], 8, 8)
for split, name, per in (("train", "train", 300), ("t10k", "t10k", 100)):
    im, lab = read_idx(FASHION + split)
    im, lab = balanced(im, lab, per)
    write_idx(OUT + "fashion-" + name, im, lab, 28, 28)
