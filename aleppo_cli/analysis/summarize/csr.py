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

#: products held at once while a Gram matrix is built: with the arrays of
#: its cells (``GRAM_CELLS``) the block's work stays in the processor's
#: caches. Blocks of 1 << 13, 1 << 15 and 1 << 17 products took 0.53, 0.44
#: and 0.83 s to sum War and Peace's cells (and 1.27 to 1.51 s by sorting).
GRAM_BUDGET = 1 << 15
#: cells (rows x columns) of a block of the Gram matrix at most: its sums
#: are an array of this many floats (16 MB), reused from block to block.
GRAM_CELLS = 1 << 21
#: products held at once when only row sums are wanted (a few arrays of
#: this length; nothing else is kept).
SUMS_BUDGET = 1 << 17
#: entries held at once by a product with a vector (a few arrays of this
#: length, small enough to stay in the processor's caches): a product with
#: War and Peace's graph of ranks took 0.22 s of CPU in runs of 1 << 16
#: entries, 0.26 s in runs of 1 << 14 or 1 << 20 (at 1 << 22 it held about
#: 100 MB of temporaries).
ROW_BUDGET = 1 << 16

Edge = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
#: (stored values, rows, columns) -> the values they stand for
Weigh = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Csr:
    """A matrix in compressed sparse row form.

    Row ``r`` holds the entries ``indptr[r]:indptr[r + 1]`` of ``data``, in
    the columns ``indices`` (no column twice; ascending within a row, but in
    ``upper_gram``'s graphs, where nothing needs them in order).
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


def symmetric_dot(
    upper: Csr, diagonal: np.ndarray, vector: np.ndarray, weigh: Weigh | None = None
) -> np.ndarray:
    """(U + U^T - diag) x: the symmetric matrix whose upper triangle is ``upper``.

    One pass over ``upper`` (a run of rows at a time) gives both U x and
    U^T x. With ``weigh``, the entries' values are ``weigh(stored, rows,
    columns)`` of the stored ones, computed run by run (``upper`` may then
    hold small integers: a graph of a quarter of the memory); ``diagonal``
    is of the values."""
    n = upper.shape[0]
    forward = np.zeros(n)
    back = np.zeros(n)
    for start, end in upper.row_ranges():
        first, last = upper.indptr[start], upper.indptr[end]
        per_row = np.diff(upper.indptr[start : end + 1])
        # columns as numpy's index type once: each use of 16-bit columns (a
        # gather, bincount) converts them (0.22 -> 0.18 s a product)
        columns = upper.indices[first:last].astype(np.intp)
        values = upper.data[first:last]
        if weigh is not None:
            values = weigh(values, np.repeat(np.arange(start, end), per_row), columns)
        products = values * vector[columns]
        filled = per_row > 0
        if filled.any():
            at = upper.indptr[start:end][filled] - first
            forward[start:end][filled] = np.add.reduceat(products, at)
        np.multiply(values, np.repeat(vector[start:end], per_row), out=products)
        back += np.bincount(columns, weights=products, minlength=n)
    result: np.ndarray = forward + back - diagonal * vector
    return result


def gram_type(matrix: Csr) -> type:
    """The smallest unsigned integer type that holds every cell of
    ``matrix @ matrix.T``, for a matrix of counts (non-negative integers);
    float when none does. A cell is at most the largest on the diagonal
    (Cauchy-Schwarz)."""
    if matrix.nnz and (matrix.data.min() < 0 or not np.all(matrix.data == np.round(matrix.data))):
        return float
    squares = np.bincount(matrix.rows, weights=matrix.data**2, minlength=matrix.shape[0])
    largest = squares.max() if len(squares) else 0.0
    for kind in (np.uint8, np.uint16, np.uint32):
        if largest <= np.iinfo(kind).max:
            return kind
    return float


def upper_gram(matrix: Csr, edge: Edge, budget: int = GRAM_BUDGET, dtype: type = float) -> Csr:
    """The upper triangle (diagonal included) of ``matrix @ matrix.T``.

    Entry (i, j), i <= j, is ``edge(dot, i, j)`` for every pair of rows
    whose dot product is not zero (entries that come out 0 are not stored),
    stored as ``dtype`` (a smaller type when the values fit it exactly:
    ``gram_type``, 0/1 values).
    Built a block of rows at a time (``_gram_blocks``), so memory stays
    bounded however long the text. Within a row the columns are in no
    particular order (nothing here needs them sorted).
    """
    n = matrix.shape[0]
    # Each block's entries are written straight into arrays long enough for
    # every product (no cell holds more entries than products): the pages
    # past the last entry are never written, so never taken. Pieces joined at
    # the end would hold the graph twice at the peak, and freed pieces stay
    # in the allocator's heap. Columns in 16 bits when they fit: 10 bytes an
    # entry instead of 12.
    bound = product_count(matrix)
    data: np.ndarray = np.empty(bound, dtype=dtype)
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


def product_count(matrix: Csr) -> int:
    """How many products the upper triangle of ``matrix @ matrix.T`` takes:
    each entry times itself and the entries below it in its column."""
    per_column = matrix.column_counts()
    return int((per_column * (per_column + 1) // 2).sum())


def gram_row_sums(
    matrix: Csr, edge: Edge, budget: int = SUMS_BUDGET, values: int = 0
) -> np.ndarray:
    """Row sums of the symmetric matrix whose upper triangle ``upper_gram`` gives,
    for an ``edge`` linear in the dot product (``edge(a + b, i, j) ==
    edge(a, i, j) + edge(b, i, j)``, as ``dot * weight(i, j)`` is).

    Such an edge can be applied to each product on its own: the products of
    a cell need not be summed first, and the graph is never built or kept.
    (Sums may differ from the cell-by-cell ones in their last bits.)
    With ``values`` k > 0, ``edge`` gives k values for each product (an array
    of k rows), and the sums are k rows, one for each, from the same pass."""
    n = matrix.shape[0]
    sums = np.zeros((max(values, 1), n))
    for start, end, rows, columns, products in _block_products(matrix, budget):
        rows += start
        found = np.atleast_2d(edge(products, rows, columns))
        off = rows != columns
        rows -= start
        columns -= start
        off_columns = columns[off]
        for k, value in enumerate(found):
            sums[k, start:end] += np.bincount(rows, weights=value, minlength=end - start)
            sums[k, start:] += np.bincount(off_columns, weights=value[off], minlength=n - start)
    return sums if values else sums[0]


def _block_products(
    matrix: Csr, budget: int, cells: int | None = None
) -> Iterator[tuple[int, int, np.ndarray, np.ndarray, np.ndarray]]:
    """Every product the upper triangle of ``matrix @ matrix.T`` takes, by
    blocks of rows [start, end): (start, end, rows - start, columns, products),
    in row order.

    Each entry of row i is multiplied by the entries of rows j >= i in its
    column; a block holds about ``budget`` products (more only for a row
    that has more on its own) and, when ``cells`` is given, at most that
    many cells (rows x columns from ``start`` on), or a single row.
    """
    n = matrix.shape[0]
    columns = matrix.transpose()
    position = np.empty(matrix.nnz, dtype=np.int64)  # each entry's place in `columns`
    position[np.argsort(matrix.indices, kind="stable")] = np.arange(matrix.nnz)
    # partners of an entry: itself and the entries below it in its column
    partners = columns.indptr[matrix.indices + 1] - position
    work = np.concatenate([[0], np.cumsum(partners)])
    row_of = matrix.rows
    start = 0
    while start < n:
        fits = np.searchsorted(work, work[matrix.indptr[start]] + budget, "right") - 1
        end = int(np.searchsorted(matrix.indptr, fits, "right")) - 1
        if cells is not None:
            end = min(end, start + cells // (n - start))
        end = min(n, max(end, start + 1))
        first, last = matrix.indptr[start], matrix.indptr[end]
        lengths = partners[first:last]
        total = int(lengths.sum())
        where = np.repeat(position[first:last] - (work[first:last] - work[first]), lengths)
        where += np.arange(total)
        rows = np.repeat(row_of[first:last] - start, lengths)
        products = np.repeat(matrix.data[first:last], lengths)
        products *= columns.data[where]
        yield start, end, rows, columns.indices[where], products
        start = end


def _gram_blocks(
    matrix: Csr, edge: Edge, budget: int
) -> Iterator[tuple[int, int, np.ndarray, np.ndarray, np.ndarray]]:
    """Blocks of rows [start, end) of the upper triangle: (start, end, rows,
    columns, values) of the entries whose ``edge`` value is not zero, rows
    ascending (columns in the order they first come up).

    The products of each (i, j) cell are summed in a dense array of the
    block's cells, in the order they come (so a cell's sum does not depend
    on the blocks); the first product of each cell stands for it. The array
    is reused from block to block and only its touched cells are cleared:
    about three times as fast as sorting the cells.
    """
    n = matrix.shape[0]
    total = np.zeros(0)
    stamp = np.zeros(0, dtype=np.int32)
    for start, end, rows, columns, products in _block_products(matrix, budget, GRAM_CELLS):
        width = n - start
        size = (end - start) * width
        if size > len(total):
            total = np.zeros(size)
            stamp = np.zeros(size, dtype=np.int32)
        cells = rows * width
        cells += columns
        cells -= start
        np.add.at(total, cells, products)
        order = np.arange(len(cells), dtype=np.int32 if len(cells) < 1 << 31 else np.int64)
        if order.dtype != stamp.dtype:
            stamp = stamp.astype(order.dtype)
        stamp[cells] = order  # one of the products of each cell, whichever is written last
        first = stamp[cells] == order
        del order
        found = cells[first]
        sums = total[found]
        total[found] = 0.0
        del cells
        rows, kept_columns = rows[first], columns[first]
        rows += start
        nonzero = sums != 0
        if not nonzero.all():
            sums, rows, kept_columns = sums[nonzero], rows[nonzero], kept_columns[nonzero]
        values = np.asarray(edge(sums, rows, kept_columns), dtype=float)
        stored = values != 0 if values.ndim == 1 else (values != 0).any(axis=0)
        yield start, end, rows[stored], kept_columns[stored], values[..., stored]
