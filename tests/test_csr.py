"""csr.py against the same computations on dense numpy arrays."""

import numpy as np
import pytest

from aleppo_cli.analysis.summarize.csr import (
    Csr,
    gram_row_sums,
    gram_type,
    symmetric_dot,
    upper_gram,
)


def random_counts(seed: int, rows: int = 40, columns: int = 25, entries: int = 120) -> Csr:
    rng = np.random.default_rng(seed)
    row_ids = rng.integers(0, rows, entries)
    column_ids = rng.integers(0, columns, entries)
    return Csr.count(row_ids, column_ids, (rows, columns))


def dense(matrix: Csr) -> np.ndarray:
    out = np.zeros(matrix.shape)
    np.add.at(out, (matrix.rows, matrix.indices), matrix.data)
    return out


def test_count_adds_up_repeated_pairs() -> None:
    matrix = Csr.count(np.array([2, 0, 2, 2]), np.array([1, 3, 1, 0]), (4, 5))
    expected = np.zeros((4, 5))
    expected[2, 1], expected[0, 3], expected[2, 0] = 2, 1, 1
    assert np.array_equal(dense(matrix), expected)
    assert matrix.nnz == 3
    assert list(matrix.indptr) == [0, 1, 1, 3, 3]  # columns ascending within a row


@pytest.mark.parametrize("seed", range(5))
def test_reductions_and_products_match_dense(seed: int) -> None:
    matrix = random_counts(seed)
    full = dense(matrix)
    vector = np.random.default_rng(seed).random(matrix.shape[1])
    back = np.random.default_rng(seed + 1).random(matrix.shape[0])
    assert np.allclose(matrix.row_sums(), full.sum(axis=1))
    assert np.allclose(matrix.column_sums(), full.sum(axis=0))
    assert np.array_equal(matrix.column_counts(), (full > 0).sum(axis=0))
    assert np.array_equal(matrix.row_max(), full.max(axis=1))
    assert np.allclose(matrix.dot(vector), full @ vector)
    assert np.allclose(matrix.tdot(back), full.T @ back)
    assert np.array_equal(dense(matrix.transpose()), full.T)
    columns, values = matrix.row(3)
    assert np.array_equal(full[3][columns], values)
    assert np.count_nonzero(full[3]) == len(columns)


@pytest.mark.parametrize("budget", [1, 7, 50, 1 << 22])
@pytest.mark.parametrize("seed", range(4))
def test_upper_gram_is_the_upper_triangle_of_the_product(seed: int, budget: int) -> None:
    matrix = random_counts(seed)
    full = dense(matrix)
    expected = np.triu(full @ full.T)
    gram = upper_gram(matrix, lambda dot, rows, columns: dot, budget=budget)
    assert np.allclose(dense(gram), expected)
    assert gram.nnz == np.count_nonzero(expected)
    assert np.all(gram.rows <= gram.indices)
    # and the symmetric matrix it stands for
    vector = np.random.default_rng(seed).random(matrix.shape[0])
    assert np.allclose(symmetric_dot(gram, gram.diagonal(), vector), (full @ full.T) @ vector)


@pytest.mark.parametrize("budget", [1, 7, 50, 1 << 22])
@pytest.mark.parametrize("seed", range(4))
def test_gram_row_sums_are_the_symmetric_matrix_s(seed: int, budget: int) -> None:
    matrix = random_counts(seed)
    full = dense(matrix)

    def edge(dot: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        # linear in the dot product, as gram_row_sums asks
        return np.where(rows == columns, 0.5 * dot, dot / (1 + rows + columns))

    weighted = full @ full.T / (1 + np.add.outer(np.arange(40), np.arange(40)))
    np.fill_diagonal(weighted, 0.5 * np.diag(full @ full.T))
    assert np.allclose(gram_row_sums(matrix, edge, budget=budget), weighted.sum(axis=1))


def test_upper_gram_applies_the_edge_and_drops_zero_values() -> None:
    matrix = random_counts(9)
    full = dense(matrix)
    product = np.triu(full @ full.T)

    def off_diagonal_ones(dot: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        return np.where(rows == columns, 0.0, 1.0)

    gram = upper_gram(matrix, off_diagonal_ones)
    expected = (product > 0).astype(float)
    np.fill_diagonal(expected, 0.0)
    assert np.array_equal(dense(gram), expected)
    assert np.all(gram.data != 0)


def test_empty_rows_and_empty_matrices() -> None:
    empty = Csr.count(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), (3, 2))
    assert np.array_equal(empty.row_max(), np.zeros(3))
    assert np.array_equal(empty.dot(np.ones(2)), np.zeros(3))
    gram = upper_gram(empty, lambda dot, rows, columns: dot)
    assert gram.shape == (3, 3)
    assert gram.nnz == 0
    assert np.array_equal(gram.diagonal(), np.zeros(3))


@pytest.mark.parametrize("budget", [1, 1 << 22])
@pytest.mark.parametrize("height", [3, 40])  # 40 rows, few products: summed by sorting
def test_rows_whose_dot_product_cancels_out_have_no_entry(budget: int, height: int) -> None:
    rows = np.array([0, 0, 1, 1, height - 1])
    counts = Csr.count(rows, np.array([0, 1, 0, 1, 1]), (height, 2))
    signed = counts.with_data(np.array([1.0, 1.0, 1.0, -1.0, 2.0]))  # rows 0 and 1 cancel
    gram = upper_gram(signed, lambda dot, rows, columns: dot + 10, budget=budget)
    full = dense(signed)
    product = np.triu(full @ full.T)
    assert np.allclose(dense(gram), np.where(product != 0, product + 10, 0))
    assert (0, 1) not in set(zip(gram.rows.tolist(), gram.indices.tolist(), strict=True))


def test_a_graph_of_more_sentences_than_16_bits_count_keeps_its_columns() -> None:
    # columns are stored in 16 bits up to 65,536 rows, in 32 bits beyond
    height = 70_000
    rows = np.array([0, 1, 66_000, 69_999, 69_999])
    counts = Csr.count(rows, np.array([0, 0, 0, 0, 1]), (height, 2))
    gram = upper_gram(counts, lambda dot, rows, columns: dot)
    assert gram.indices.dtype == np.int32
    pairs = set(zip(gram.rows.tolist(), gram.indices.tolist(), strict=True))
    used = (0, 1, 66_000, 69_999)
    assert pairs == {(a, b) for a in used for b in used if a <= b}
    assert gram.row(69_999)[1].tolist() == [2.0]
    small = upper_gram(random_counts(1), lambda dot, rows, columns: dot)
    assert small.indices.dtype == np.uint16


@pytest.mark.parametrize("budget", [1, 50, 1 << 22])
def test_gram_row_sums_of_several_values_in_one_pass(budget: int) -> None:
    matrix = random_counts(3)
    full = dense(matrix)
    product = full @ full.T

    def edge(dot: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        # the second value is 0 where the first is not, and the other way round
        return np.stack([np.where(rows == columns, 0.0, dot), np.where(rows == columns, dot, 0.0)])

    found = gram_row_sums(matrix, edge, budget=budget, values=2)
    assert found.shape == (2, 40)
    off = product - np.diag(np.diag(product))
    assert np.allclose(found[0], off.sum(axis=1))
    assert np.allclose(found[1], np.diag(product))


@pytest.mark.parametrize("seed", range(4))
def test_a_graph_of_small_integers_weighed_as_it_is_used(seed: int) -> None:
    matrix = random_counts(seed)
    full = dense(matrix)
    product = full @ full.T
    kind = gram_type(matrix)
    assert kind == np.uint8
    ranks = upper_gram(matrix, lambda dot, rows, columns: dot, budget=50, dtype=kind)
    assert ranks.data.dtype == np.uint8
    assert np.array_equal(dense(ranks), np.triu(product))

    def weigh(stored: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        result: np.ndarray = stored / (1.0 + rows + columns)
        return result

    weighted = product / (1.0 + np.add.outer(np.arange(40), np.arange(40)))
    everyone = np.arange(40)
    diagonal = weigh(ranks.diagonal(), everyone, everyone)
    vector = np.random.default_rng(seed).random(40)
    found = symmetric_dot(ranks, diagonal, vector, weigh)
    assert np.allclose(found, weighted @ vector)
    # the very same numbers as a graph that holds the weights
    weights = upper_gram(matrix, weigh)
    assert np.array_equal(found, symmetric_dot(weights, weights.diagonal(), vector))


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ([3.0, 14.0], np.uint8),  # the largest cell: 9 + 196 = 205
        ([16.0], np.uint16),  # 256
        ([256.0], np.uint32),  # 65,536
        ([70_000.0], float),
        ([1.5], float),
        ([-1.0], float),
    ],
)
def test_gram_type_is_the_smallest_that_holds_every_cell(values: list[float], kind: type) -> None:
    counts = Csr.count(np.zeros(len(values), dtype=np.int64), np.arange(len(values)), (2, 3))
    assert gram_type(counts.with_data(np.array(values))) == kind
