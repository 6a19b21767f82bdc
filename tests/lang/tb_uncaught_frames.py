# An uncaught exception: one traceback entry per frame, innermost last.
class Box:
    def __init__(self, items):
        self.items = items

    def first(self):
        return self.items[0]


def take(box):
    return box.first()


print("before")
take(Box([]))
print("never")
