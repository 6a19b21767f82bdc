VALUE = "helper beside the package"
