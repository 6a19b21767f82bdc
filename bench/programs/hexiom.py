# A hexiom-like puzzle solver: tiles numbered 0..6 must be placed on a
# hexagonal board so that every tile's number equals how many of its
# neighbours hold tiles. Given the multiset of tiles and a few revealed
# cells, a depth-first search with constraint propagation counts every
# solution. Puzzles are made from random boards, so each has at least one.
from benchlib import measure, Lcg

EMPTY = -1


class Board:
    def __init__(self, radius):
        self.cells = []
        for q in range(-radius, radius + 1):
            for r in range(-radius, radius + 1):
                if -radius <= q + r <= radius:
                    self.cells.append((q, r))
        index = {c: i for i, c in enumerate(self.cells)}
        steps = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))
        self.neighbours = []
        for q, r in self.cells:
            self.neighbours.append([index[(q + dq, r + dr)] for dq, dr in steps if (q + dq, r + dr) in index])

    def numbers(self, occupied):
        return [sum(1 for j in self.neighbours[i] if occupied[j]) if occupied[i] else EMPTY
                for i in range(len(self.cells))]


class Solver:
    def __init__(self, board, tiles, revealed):
        self.board = board
        self.n = len(board.cells)
        self.left = {}
        for t in tiles:
            self.left[t] = self.left.get(t, 0) + 1
        self.value = [None] * self.n
        self.solutions = 0
        self.nodes = 0
        for i, v in revealed.items():
            self.value[i] = v
            self.left[v] -= 1

    def consistent(self, i):
        # the cell i and its neighbours must still be able to meet their numbers
        for c in [i] + self.board.neighbours[i]:
            v = self.value[c]
            if v is None or v == EMPTY:
                continue
            full = 0
            unknown = 0
            for j in self.board.neighbours[c]:
                w = self.value[j]
                if w is None:
                    unknown += 1
                elif w != EMPTY:
                    full += 1
            if full > v or full + unknown < v:
                return False
        return True

    def choose_cell(self):
        best = -1
        best_known = -1
        for i in range(self.n):
            if self.value[i] is None:
                known = 0
                for j in self.board.neighbours[i]:
                    if self.value[j] is not None:
                        known += 1
                if known > best_known:
                    best = i
                    best_known = known
        return best

    def search(self):
        self.nodes += 1
        i = self.choose_cell()
        if i < 0:
            self.solutions += 1
            return
        for v in sorted(self.left):
            if self.left[v] == 0:
                continue
            if v != EMPTY and v > len(self.board.neighbours[i]):
                continue
            self.left[v] -= 1
            self.value[i] = v
            if self.consistent(i):
                self.search()
            self.value[i] = None
            self.left[v] += 1


def puzzle(board, rng, fill, reveal):
    occupied = [rng.below(100) < fill for _ in board.cells]
    nums = board.numbers(occupied)
    revealed = {}
    for i in range(len(nums)):
        if rng.below(100) < reveal:
            revealed[i] = nums[i]
    return nums, revealed


def run():
    board = Board(2)
    rng = Lcg(8)
    results = []
    for _ in range(10):
        nums, revealed = puzzle(board, rng, 60, 20)
        s = Solver(board, nums, revealed)
        s.search()
        results.append((s.solutions, s.nodes))
    return results


measure(run, [(2, 405), (5, 1266), (1, 162), (86, 24866), (1, 483), (40, 2906), (2, 958), (3, 139), (745, 26789), (10, 5568)])
