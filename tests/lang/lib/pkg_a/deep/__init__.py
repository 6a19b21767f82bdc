print("pkg_a.deep init")
