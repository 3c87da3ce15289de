"""Seed 000's PyTorch version: MyLinear_mod (randn parameters), ReLU, nn.Sigmoid, nn.BCELoss, optim.SGD
(lr 0.01), per-sample steps on make_moons(2000, noise=0.1), one thread. Prints steps per second."""
import sys
import time

import numpy as np
import torch
import torch.nn as nn
from sklearn.datasets import make_moons
from torch import optim


class MyLinear_mod(nn.Module):
    def __init__(self, n_input, n_output):
        super().__init__()
        self.A = nn.Parameter(torch.randn(n_input, n_output))
        self.b = nn.Parameter(torch.randn(n_output))

    def forward(self, x):
        return x @ self.A + self.b


class MyReLU_mod(nn.Module):
    def forward(self, x):
        return torch.clamp(x, min=0)


def train(net, optimizer, criterion, X, Y, steps):
    for _ in range(steps):
        j = np.random.randint(0, len(X))
        out = net(X[j:j + 1])
        loss = criterion(out, Y[j:j + 1].unsqueeze(1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    torch.set_num_threads(1)
    torch.manual_seed(0)
    np.random.seed(0)
    X, Y = make_moons(n_samples=2000, noise=0.1, random_state=0)
    X = torch.from_numpy(X).float()
    Y = torch.from_numpy(Y).float()
    net = nn.Sequential(MyLinear_mod(2, 50), MyReLU_mod(), MyLinear_mod(50, 1), nn.Sigmoid())
    optimizer = optim.SGD(net.parameters(), lr=1e-2)
    criterion = nn.BCELoss()
    train(net, optimizer, criterion, X, Y, 500)
    t0 = time.perf_counter()
    train(net, optimizer, criterion, X, Y, steps)
    elapsed = time.perf_counter() - t0
    print(f"torch_per_sample_steps_per_s\t{steps / elapsed:.6g}")


if __name__ == "__main__":
    main()
