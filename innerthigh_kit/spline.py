"""OpenSim's ``SimmSpline`` in numpy: the knee's translation curves of the Gait2392 model."""

from __future__ import annotations

import numpy as np

from .errors import AnatomyError


class SimmSpline:
    """OpenSim's ``SimmSpline``: a C2 cubic spline with Forsythe-Malcolm-Moler end conditions.

    At each end the third derivative of the end piece equals that of the cubic through the four
    end knots (not a natural spline); outside the knots it continues as a straight line with the
    end slope. Coefficients as in OpenSim's SimmSpline.cpp (Forsythe, Malcolm & Moler 1977,
    Computer Methods for Mathematical Computations, routine SPLINE).
    """

    def __init__(self, x, y):
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        if self.x.size < 4 or np.any(np.diff(self.x) <= 0):
            raise AnatomyError("A SimmSpline needs at least four knots in increasing order.")
        self.b, self.c, self.d = self._coefficients(self.x, self.y)

    @staticmethod
    def _coefficients(x, y):
        n = x.size
        h = np.diff(x)  # interval widths
        slope = np.diff(y) / h
        # Tridiagonal system for sigma (a third of the second derivative), with FMM end rows.
        diag = np.empty(n)
        rhs = np.empty(n)
        diag[0], diag[-1] = -h[0], -h[-1]
        diag[1:-1] = 2.0 * (h[:-1] + h[1:])
        rhs[1:-1] = slope[1:] - slope[:-1]
        dd3 = np.diff(slope) / (x[2:] - x[:-2])  # second divided differences
        rhs[0] = (dd3[1] - dd3[0]) / (x[3] - x[0]) * h[0] ** 2
        rhs[-1] = -(dd3[-1] - dd3[-2]) / (x[-1] - x[-4]) * h[-1] ** 2
        matrix = np.diag(diag) + np.diag(h, 1) + np.diag(h, -1)
        sigma = np.linalg.solve(matrix, rhs)
        b = np.empty(n)
        b[:-1] = slope - h * (sigma[1:] + 2.0 * sigma[:-1])
        b[-1] = slope[-1] + h[-1] * (sigma[-2] + 2.0 * sigma[-1])
        d = np.append(np.diff(sigma) / h, 0.0)
        return b, 3.0 * sigma, d

    def _piece(self, q):
        q = np.asarray(q, dtype=float)
        k = np.clip(np.searchsorted(self.x, q, side="right") - 1, 0, self.x.size - 2)
        return q, k, q - self.x[k]

    def __call__(self, q):
        q, k, dx = self._piece(q)
        value = self.y[k] + dx * (self.b[k] + dx * (self.c[k] + dx * self.d[k]))
        value = np.where(q < self.x[0], self.y[0] + (q - self.x[0]) * self.b[0], value)
        return np.where(q > self.x[-1], self.y[-1] + (q - self.x[-1]) * self.b[-1], value)

    def derivative(self, q):
        q, k, dx = self._piece(q)
        value = self.b[k] + dx * (2.0 * self.c[k] + 3.0 * dx * self.d[k])
        value = np.where(q < self.x[0], self.b[0], value)
        return np.where(q > self.x[-1], self.b[-1], value)
