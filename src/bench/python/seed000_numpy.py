"""Seed 000's NumPy MLP from scratch: 2-50-1, ReLU, sigmoid, BCE with 1e-10, per-sample SGD (lr 0.01)
on make_moons(2000, noise=0.1). Prints per-sample training steps per second."""
import sys
import time

import numpy as np
from sklearn.datasets import make_moons


class MyLinear:
    def __init__(self, n_input, n_output):
        self.W = np.random.randn(n_input, n_output)
        self.b = np.random.randn(n_output)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, grad_output):
        self.grad_W = self.x.T @ grad_output
        self.grad_b = grad_output.sum(axis=0)
        return grad_output @ self.W.T

    def step(self, lr):
        self.W -= lr * self.grad_W
        self.b -= lr * self.grad_b


class MyReLU:
    def forward(self, x):
        self.x = x
        return np.maximum(0, x)

    def backward(self, grad_output):
        return grad_output * (self.x > 0)

    def step(self, lr):
        pass


class MySigmoid:
    def forward(self, x):
        self.s = 1.0 / (1.0 + np.exp(-x))
        return self.s

    def backward(self, grad_output):
        return grad_output * self.s * (1 - self.s)

    def step(self, lr):
        pass


class Sequential:
    def __init__(self, layers):
        self.layers = layers

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def compute_loss(self, out, label):
        loss = -(label * np.log(out + 1e-10) + (1 - label) * np.log(1 - out + 1e-10))
        self.loss_grad = -label / (out + 1e-10) + (1 - label) / (1 - out + 1e-10)
        return loss.mean()

    def backward(self):
        g = self.loss_grad
        for layer in reversed(self.layers):
            g = layer.backward(g)

    def step(self, lr):
        for layer in self.layers:
            layer.step(lr)


def train(net, X, Y, steps, lr=1e-2):
    for _ in range(steps):
        j = np.random.randint(0, len(X))
        out = net.forward(X[j:j + 1])
        net.compute_loss(out, Y[j])
        net.backward()
        net.step(lr)


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    np.random.seed(0)
    X, Y = make_moons(n_samples=2000, noise=0.1, random_state=0)
    net = Sequential([MyLinear(2, 50), MyReLU(), MyLinear(50, 1), MySigmoid()])
    train(net, X, Y, 1000)
    t0 = time.perf_counter()
    train(net, X, Y, steps)
    elapsed = time.perf_counter() - t0
    acc = ((net.forward(X)[:, 0] > 0.5) == Y).mean()
    print(f"numpy_per_sample_steps_per_s\t{steps / elapsed:.6g}\t# accuracy {acc:.3f}")


if __name__ == "__main__":
    main()
