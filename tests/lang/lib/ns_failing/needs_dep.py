import no_such_dependency_x  # fails: that error, not 'cannot import name', reaches the importer
