"""Does the PyTorch export's channels-last layout cost training time? LeNet trained both ways, alternating.

usage: conv-layout.py [ROUNDS] [THREADS]

"around": what the exporter writes, a permute to channels-first before and back after every convolution and pooling
(so the tensors between layers are Keras's (N, H, W, C)); "inside": one permute where the image enters and one before
Flatten. Prints the median samples/s of each over ROUNDS alternating runs of 50 timed batches.
"""
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Lenet(nn.Module):
    def __init__(self, around):
        super().__init__()
        self.around = around
        self.c1 = nn.Conv2d(1, 6, 5, padding=2)
        self.p1 = nn.MaxPool2d(2)
        self.c2 = nn.Conv2d(6, 16, 5)
        self.p2 = nn.MaxPool2d(2)
        self.d1 = nn.Linear(400, 120)
        self.d2 = nn.Linear(120, 84)
        self.d3 = nn.Linear(84, 10)

    def forward(self, x):
        if self.around:
            a = torch.relu(self.c1(x.permute(0, 3, 1, 2)).permute(0, 2, 3, 1))
            a = self.p1(a.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)
            a = torch.relu(self.c2(a.permute(0, 3, 1, 2)).permute(0, 2, 3, 1))
            a = self.p2(a.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)
        else:
            a = x.permute(0, 3, 1, 2)
            a = self.p2(torch.relu(self.c2(self.p1(torch.relu(self.c1(a))))))
            a = a.permute(0, 2, 3, 1)
        a = torch.flatten(a, 1)
        return torch.softmax(self.d3(torch.relu(self.d2(torch.relu(self.d1(a))))), -1)


def rate(around, x, y):
    torch.manual_seed(0)
    model = Lenet(around)
    opt = torch.optim.Adam(model.parameters())
    for i in range(60):
        if i == 10:
            start = time.perf_counter()
        opt.zero_grad()
        F.nll_loss(torch.log(model(x)), y).backward()
        opt.step()
    return 50 * x.shape[0] / (time.perf_counter() - start)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    x, y = torch.rand(64, 28, 28, 1), torch.randint(0, 10, (64,))
    runs = {True: [], False: []}
    for _ in range(rounds):
        for around in (True, False):
            runs[around].append(rate(around, x, y))
    print(f"around every layer: {statistics.median(runs[True]):.0f} samples/s; inside: {statistics.median(runs[False]):.0f} samples/s")


if __name__ == "__main__":
    main()
