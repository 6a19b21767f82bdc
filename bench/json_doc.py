# json: dumps and loads of a document of about 1 MB (issue 9).
import json


def main():
    doc = {
        "records": [
            {
                "id": i,
                "name": "item-%d" % i,
                "price": i * 0.25 + 0.1,
                "tags": ["t%d" % (i % 7), "g%d" % (i % 11), "héllo"],
                "ok": i % 3 == 0,
                "none": None,
                "nested": {"a": [1, 2, 3], "b": "x\ty\"z"},
            }
            for i in range(6000)
        ]
    }
    text = json.dumps(doc)
    total = 0
    for _ in range(10):
        text = json.dumps(doc)
        back = json.loads(text)
        total += len(back["records"])
    print(len(text), total, back["records"][-1]["price"], json.dumps(back)[:60])


main()
