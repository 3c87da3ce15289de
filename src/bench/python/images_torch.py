"""Seed 003's MLP in PyTorch: 784-100-10, nn.Linear, ReLU, nn.CrossEntropyLoss, optim.SGD (lr 0.01,
plain and momentum 0.9), mini-batches of 64 from Fashion-MNIST-shaped data, float32 and float64, one
thread and all threads. The same workload as the bench's `images` (ImageWorkload.java): a pool of 6,000
synthetic images (ten noisy prototypes in [0, 1]) drawn in shuffled passes, one epoch (60,000 samples) a
run, the median of the timed runs. Prints key<TAB>samples-per-second lines.
Usage: images_torch.py [--quick] [--one-thread]"""
import os
import sys
import time

import torch
import torch.nn as nn
from torch import optim

PIXELS, HIDDEN, CLASSES, BATCH, EPOCH, POOL = 784, 100, 10, 64, 60_000, 6_000


def data(dtype):
    g = torch.Generator().manual_seed(0)
    prototypes = torch.rand(CLASSES, PIXELS, generator=g, dtype=dtype)
    labels = torch.arange(POOL) % CLASSES
    images = (prototypes[labels] + 0.3 * torch.randn(POOL, PIXELS, generator=g, dtype=dtype)).clamp(0, 1)
    return images, labels


def epoch(net, optimizer, criterion, images, labels, fraction):
    steps = max(1, int(EPOCH * fraction) // BATCH)
    done = 0
    while done < steps:
        order = torch.randperm(POOL)
        for start in range(0, POOL - BATCH + 1, BATCH):
            if done == steps:
                break
            idx = order[start:start + BATCH]
            loss = criterion(net(images[idx]), labels[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            done += 1
    return steps * BATCH


def rate(dtype, threads, momentum, runs, fraction):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    images, labels = data(dtype)
    net = nn.Sequential(nn.Linear(PIXELS, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, CLASSES)).to(dtype)
    optimizer = optim.SGD(net.parameters(), lr=0.01, momentum=momentum)
    criterion = nn.CrossEntropyLoss()
    epoch(net, optimizer, criterion, images, labels, fraction * 0.2)
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        n = epoch(net, optimizer, criterion, images, labels, fraction)
        rates.append(n / (time.perf_counter() - t0))
    return sorted(rates)[len(rates) // 2]


def main():
    quick = "--quick" in sys.argv
    one_thread = "--one-thread" in sys.argv
    runs, fraction = (3, 0.1) if quick else (5, 1.0)
    cores = os.cpu_count() or 1
    for dtype, dname in ((torch.float32, "f32"), (torch.float64, "f64")):
        for threads, tname in ((1, "1t"),) if one_thread else ((1, "1t"), (cores, "all")):
            for momentum, oname in ((0.0, "sgd"), (0.9, "momentum")):
                # all threads on a machine others share can crawl (oversubscribed): a tenth of the work
                r = rate(dtype, threads, momentum, *((runs, fraction) if threads == 1 else (3, fraction / 10)))
                print(f"torch_images_{oname}_{dname}_{tname}_samples_per_s\t{r:.6g}", flush=True)


if __name__ == "__main__":
    main()
