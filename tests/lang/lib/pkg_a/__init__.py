# helper package
print("pkg_a init")
pkg_value = "pkg"
