# Object-oriented code: a small class hierarchy with inheritance, super()
# calls, overridden methods, properties, class attributes and many
# attribute reads and writes on instances, as in application code.
from benchlib import measure


class Account:
    fee = 1
    count = 0

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []
        Account.count += 1

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)
        return self.balance

    def withdraw(self, amount):
        if amount + self.fee > self.balance:
            return False
        self.balance -= amount + self.fee
        self.history.append(-amount)
        return True

    @property
    def activity(self):
        return len(self.history)

    def interest(self):
        return 0


class Savings(Account):
    fee = 2

    def __init__(self, owner, balance, rate):
        super().__init__(owner, balance)
        self.rate = rate

    def interest(self):
        return self.balance * self.rate // 1000


class Checking(Account):
    def __init__(self, owner, balance, limit):
        super().__init__(owner, balance)
        self.limit = limit

    def withdraw(self, amount):
        if amount > self.limit:
            return False
        return super().withdraw(amount)


class Bank:
    def __init__(self):
        self.accounts = []
        self.refused = 0

    def open(self, kind, owner, balance, extra):
        acct = kind(owner, balance, extra)
        self.accounts.append(acct)
        return acct

    def transfer(self, src, dst, amount):
        if src.withdraw(amount):
            dst.deposit(amount)
        else:
            self.refused += 1

    def month_end(self):
        for a in self.accounts:
            gain = a.interest()
            if gain:
                a.deposit(gain)
            a.history = a.history[-8:]


def run():
    Account.count = 0
    bank = Bank()
    for i in range(40):
        if i % 2:
            bank.open(Savings, "s%d" % i, 1000 + i, 5 + i % 3)
        else:
            bank.open(Checking, "c%d" % i, 500 + i, 50 + i)
    accts = bank.accounts
    n = len(accts)
    for step in range(300000):
        src = accts[step % n]
        dst = accts[(step * 7 + 3) % n]
        src.deposit(step % 120)
        bank.transfer(src, dst, step % 97)
        if step % 5000 == 4999:
            bank.month_end()
    total = sum(a.balance for a in accts)
    return Account.count, total, bank.refused, sum(a.activity for a in accts)


measure(run, (40, 18571024, 41746, 320))
