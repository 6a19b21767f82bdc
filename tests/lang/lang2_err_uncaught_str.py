# an exception class whose __str__ decides the last stderr line
class ConfigError(Exception):
    def __str__(self):
        return "config key %r missing" % self.args[0]
print("loading")
raise ConfigError("port")
