X = "sub here"
