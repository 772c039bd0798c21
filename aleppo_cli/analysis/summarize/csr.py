"""Just enough of a sparse matrix for the summarizers, in numpy alone.

Why not scipy: when scipy is installed, importing nltk imports
``scipy.stats`` (``nltk.metrics.association`` asks for it), about 0.6 s on
this machine (scipy 1.17, numpy already imported), and sumy's summarizers
import nltk. Having scipy in the environment made every ``aleppo summarize``
start over half a second later. The summarizers need only a few operations
on a sentence x term matrix: build it from (row, column) pairs, row and
column sums and maxima, products with a vector, the transpose, and the upper
triangle of its product with its own transpose (sentence similarity). Those
are here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

import numpy as np

#: products, and (row, row) cells, held at once while a Gram matrix is built.
#: Each block keeps about sixteen temporary arrays of this length alive: at
#: 1 << 22 they took +590 to +750 MB on War and Peace; at 1 << 17 about 25 MB.
GRAM_BUDGET = 1 << 17
#: entries held at once by a product with a vector (a few arrays of this
#: length): at 1 << 22 a product with War and Peace's similarity graph held
#: about 100 MB of temporaries.
ROW_BUDGET = 1 << 20

Edge = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Csr:
    """A matrix in compressed sparse row form.

    Row ``r`` holds the entries ``indptr[r]:indptr[r + 1]`` of ``data``, in
    the columns ``indices`` (ascending within a row, no column twice).
    """

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    shape: tuple[int, int]

    @classmethod
    def count(cls, rows: np.ndarray, columns: np.ndarray, shape: tuple[int, int]) -> Csr:
        """How many times each (row, column) pair occurs, as a matrix."""
        width = shape[1]
        keys = rows.astype(np.int64) * width + columns.astype(np.int64)
        unique, counts = np.unique(keys, return_counts=True)
        return cls._from_sorted(unique // width, unique % width, counts.astype(float), shape)

    @classmethod
    def _from_sorted(
        cls, rows: np.ndarray, columns: np.ndarray, data: np.ndarray, shape: tuple[int, int]
    ) -> Csr:
        """Entries already in row order, columns ascending within a row."""
        indptr = np.zeros(shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=shape[0]), out=indptr[1:])
        columns = np.asarray(columns, dtype=np.int64)
        return cls(np.asarray(data, dtype=float), columns, indptr, shape)

    @property
    def nnz(self) -> int:
        return len(self.data)

    @cached_property
    def rows(self) -> np.ndarray:
        """The row of each stored entry."""
        return np.repeat(np.arange(self.shape[0], dtype=np.int64), np.diff(self.indptr))

    def with_data(self, data: np.ndarray) -> Csr:
        """The same pattern of entries with other values."""
        return Csr(np.asarray(data, dtype=float), self.indices, self.indptr, self.shape)

    def row_sums(self) -> np.ndarray:
        return np.bincount(self.rows, weights=self.data, minlength=self.shape[0])

    def column_sums(self) -> np.ndarray:
        return np.bincount(self.indices, weights=self.data, minlength=self.shape[1])

    def column_counts(self) -> np.ndarray:
        """Stored entries per column (for counts: rows in which a term occurs)."""
        return np.bincount(self.indices, minlength=self.shape[1])

    def row_max(self) -> np.ndarray:
        """Largest entry of each row; 0 for an empty row."""
        result = np.zeros(self.shape[0])
        filled = np.diff(self.indptr) > 0
        if filled.any():
            result[filled] = np.maximum.reduceat(self.data, self.indptr[:-1][filled])
        return result

    def row(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """Columns and values of one row."""
        start, end = self.indptr[index], self.indptr[index + 1]
        return self.indices[start:end], self.data[start:end]

    def row_ranges(self, budget: int = ROW_BUDGET) -> Iterator[tuple[int, int]]:
        """Runs of rows [start, end) holding about ``budget`` entries each."""
        start, n = 0, self.shape[0]
        while start < n:
            end = int(np.searchsorted(self.indptr, self.indptr[start] + budget, "right")) - 1
            end = min(n, max(end, start + 1))
            yield start, end
            start = end

    def dot(self, vector: np.ndarray) -> np.ndarray:
        """This matrix times ``vector`` (a run of rows at a time: bounded memory)."""
        result = np.zeros(self.shape[0])
        for start, end in self.row_ranges():
            first, last = self.indptr[start], self.indptr[end]
            products = self.data[first:last] * vector[self.indices[first:last]]
            filled = np.diff(self.indptr[start : end + 1]) > 0
            if filled.any():
                at = self.indptr[start:end][filled] - first
                result[start:end][filled] = np.add.reduceat(products, at)
        return result

    def tdot(self, vector: np.ndarray) -> np.ndarray:
        """The transpose of this matrix times ``vector``."""
        result = np.zeros(self.shape[1])
        for start, end in self.row_ranges():
            first, last = self.indptr[start], self.indptr[end]
            per_row = np.diff(self.indptr[start : end + 1])
            products = self.data[first:last] * np.repeat(vector[start:end], per_row)
            result += np.bincount(
                self.indices[first:last], weights=products, minlength=self.shape[1]
            )
        return result

    def diagonal(self) -> np.ndarray:
        result = np.zeros(min(self.shape))
        for start, end in self.row_ranges():
            first, last = self.indptr[start], self.indptr[end]
            rows = np.repeat(np.arange(start, end), np.diff(self.indptr[start : end + 1]))
            on = rows == self.indices[first:last]
            result[rows[on]] = self.data[first:last][on]
        return result

    def transpose(self) -> Csr:
        order = np.argsort(self.indices, kind="stable")  # rows stay ascending per column
        return Csr._from_sorted(
            self.indices[order], self.rows[order], self.data[order], self.shape[::-1]
        )


def symmetric_dot(upper: Csr, diagonal: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """(U + U^T - diag) x: the symmetric matrix whose upper triangle is ``upper``."""
    result: np.ndarray = upper.dot(vector) + upper.tdot(vector) - diagonal * vector
    return result


def upper_gram(matrix: Csr, edge: Edge, budget: int = GRAM_BUDGET) -> Csr:
    """The upper triangle (diagonal included) of ``matrix @ matrix.T``.

    Entry (i, j), i <= j, is ``edge(dot, i, j)`` for every pair of rows
    whose dot product is not zero (entries that come out 0 are not stored).
    Built a block of rows at a time (``_gram_blocks``), so memory stays
    bounded however long the text.
    """
    n = matrix.shape[0]
    # Each block's entries are written straight into arrays long enough for
    # every product (no cell holds more entries than products): the pages
    # past the last entry are never written, so never taken. Pieces joined at
    # the end would hold the graph twice at the peak, and freed pieces stay
    # in the allocator's heap. Columns in 16 bits when they fit: 10 bytes an
    # entry instead of 12.
    bound = _products(matrix)
    data = np.empty(bound)
    indices = np.empty(bound, dtype=np.uint16 if n <= 1 << 16 else np.int32)
    counts = np.zeros(n, dtype=np.int64)
    filled = 0
    for start, end, rows, columns, values in _gram_blocks(matrix, edge, budget):
        counts[start:end] = np.bincount(rows - start, minlength=end - start)
        data[filled : filled + len(values)] = values
        indices[filled : filled + len(values)] = columns
        filled += len(values)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return Csr(data[:filled], indices[:filled], indptr, (n, n))


def _products(matrix: Csr) -> int:
    """How many products the upper triangle of ``matrix @ matrix.T`` takes:
    each entry times itself and the entries below it in its column."""
    per_column = matrix.column_counts()
    return int((per_column * (per_column + 1) // 2).sum())


def gram_row_sums(matrix: Csr, edge: Edge, budget: int = GRAM_BUDGET) -> np.ndarray:
    """Row sums of the symmetric matrix whose upper triangle ``upper_gram`` gives,
    summed block by block: the graph itself is never kept."""
    n = matrix.shape[0]
    sums = np.zeros(n)
    for _, _, rows, columns, values in _gram_blocks(matrix, edge, budget):
        sums += np.bincount(rows, weights=values, minlength=n)
        off = rows != columns
        sums += np.bincount(columns[off], weights=values[off], minlength=n)
    return sums


def _gram_blocks(
    matrix: Csr, edge: Edge, budget: int
) -> Iterator[tuple[int, int, np.ndarray, np.ndarray, np.ndarray]]:
    """Blocks of rows [start, end) of the upper triangle: (start, end, rows,
    columns, values) of the entries whose ``edge`` value is not zero.

    Each entry of row i is multiplied by the entries of rows j >= i in its
    column, and the products are summed per (i, j) cell; a block holds about
    ``budget`` products.
    """
    n = matrix.shape[0]
    columns = matrix.transpose()
    position = np.empty(matrix.nnz, dtype=np.int64)  # each entry's place in `columns`
    position[np.argsort(matrix.indices, kind="stable")] = np.arange(matrix.nnz)
    # partners of an entry: itself and the entries below it in its column
    partners = columns.indptr[matrix.indices + 1] - position
    work = np.concatenate([[0], np.cumsum(partners)])
    start = 0
    while start < n:
        width = n - start  # columns start.. of the upper triangle
        fits = np.searchsorted(work, work[matrix.indptr[start]] + budget, "right") - 1
        by_work = int(np.searchsorted(matrix.indptr, fits, "right")) - 1
        end = min(n, max(by_work, start + 1))
        first, last = matrix.indptr[start], matrix.indptr[end]
        lengths = partners[first:last]
        total = int(lengths.sum())
        where = np.repeat(position[first:last] - (work[first:last] - work[first]), lengths)
        where += np.arange(total)
        cells = np.repeat(matrix.rows[first:last] - start, lengths)
        cells *= width
        cells += columns.indices[where]
        cells -= start
        products = np.repeat(matrix.data[first:last], lengths)
        products *= columns.data[where]
        del where
        found, sums = _sum_by_cell(cells, products, (end - start) * width)
        del cells, products
        local_rows, local_columns = np.divmod(found, width)
        rows, kept_columns = local_rows + start, local_columns + start
        values = np.asarray(edge(sums, rows, kept_columns), dtype=float)
        stored = values != 0
        yield start, end, rows[stored], kept_columns[stored], values[stored]
        start = end


def _sum_by_cell(cells: np.ndarray, values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The cells (ascending) whose values sum to non-zero, and those sums.

    Dense counting when the cells are few next to the values, else sorting.
    """
    if not len(cells):
        return cells, values
    if size <= 4 * len(cells):
        sums = np.bincount(cells, weights=values, minlength=size)
        found = np.flatnonzero(sums)
        return found, sums[found]
    # a sort of the cells with each value's place packed in the low bits is
    # stable and about 1.5 times as fast as an argsort of the cells alone
    bits = max(1, (len(cells) - 1).bit_length())
    if size.bit_length() + bits <= 62:
        keys = np.sort((cells.astype(np.int64) << bits) | np.arange(len(cells)))
        order = keys & ((1 << bits) - 1)
        keys >>= bits
        ordered = keys
    else:
        order = np.argsort(cells, kind="stable")
        ordered = cells[order]
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    totals = np.add.reduceat(values[order], starts)
    nonzero = totals != 0
    return ordered[starts][nonzero], totals[nonzero]
