"""Seed 001's micrograd Value engine (with __sub__'s derivative corrected) training MLP(2, [16, 16, 1])
with tanh neurons one example at a time (squared error, labels -1/+1) on make_moons(2000, noise=0.1).
Prints training steps per second and node visits per second."""
import math
import random
import sys
import time

from sklearn.datasets import make_moons


class Value:
    def __init__(self, data, _children=(), _op=''):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), '+')

        def _backward():
            self.grad += 1.0 * out.grad
            other.grad += 1.0 * out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), '*')

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, other):
        out = Value(self.data ** other, (self,), f'**{other}')

        def _backward():
            self.grad += other * (self.data ** (other - 1)) * out.grad
        out._backward = _backward
        return out

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,), 'tanh')

        def _backward():
            self.grad += (1 - t ** 2) * out.grad
        out._backward = _backward
        return out

    def backward(self):
        topo = []
        visited = set()

        def build_topo(v):
            if v not in visited:
                visited.add(v)
                for child in v._prev:
                    build_topo(child)
                topo.append(v)
        build_topo(self)
        self.grad = 1.0
        for node in reversed(topo):
            node._backward()
        return len(topo)


class Neuron:
    def __init__(self, nin):
        self.w = [Value(random.uniform(-1, 1)) for _ in range(nin)]
        self.b = Value(random.uniform(-1, 1))

    def __call__(self, x):
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return act.tanh()

    def parameters(self):
        return self.w + [self.b]


class Layer:
    def __init__(self, nin, nout):
        self.neurons = [Neuron(nin) for _ in range(nout)]

    def __call__(self, x):
        outs = [n(x) for n in self.neurons]
        return outs[0] if len(outs) == 1 else outs

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    def __init__(self, nin, nouts):
        sz = [nin] + nouts
        self.layers = [Layer(sz[i], sz[i + 1]) for i in range(len(nouts))]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    sys.setrecursionlimit(10000)
    random.seed(0)
    X, Y = make_moons(n_samples=2000, noise=0.1, random_state=0)
    model = MLP(2, [16, 16, 1])
    params = model.parameters()
    visits = 0
    t0 = time.perf_counter()
    for _ in range(steps):
        j = random.randrange(len(X))
        out = model([Value(X[j][0]), Value(X[j][1])])
        loss = (out - (1.0 if Y[j] == 1 else -1.0)) ** 2
        for p in params:
            p.grad = 0.0
        visits += loss.backward()
        for p in params:
            p.data -= 0.01 * p.grad
    elapsed = time.perf_counter() - t0
    print(f"micrograd_steps_per_s\t{steps / elapsed:.6g}")
    print(f"micrograd_node_visits_per_s\t{visits / elapsed:.6g}")


if __name__ == "__main__":
    main()
