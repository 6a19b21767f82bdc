# errno constants and errorcode (values are the host's: Linux).
import errno

names = [
    "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "EBADF",
    "ECHILD", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "EBUSY", "EEXIST",
    "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE",
    "ENOTTY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK", "EPIPE", "EDOM",
    "ERANGE", "ENAMETOOLONG", "ENOSYS", "ENOTEMPTY", "ELOOP", "ETIMEDOUT",
    "EOPNOTSUPP", "EADDRINUSE", "ECONNABORTED", "ECONNRESET", "ENOBUFS",
    "ENOTCONN", "ECONNREFUSED", "EHOSTUNREACH", "EALREADY", "EINPROGRESS",
    "ENOTSOCK", "EMSGSIZE", "EADDRNOTAVAIL", "ENETUNREACH", "EISCONN",
    "EPROTO", "EOVERFLOW", "EILSEQ", "ECANCELED", "ESTALE", "EDQUOT",
]
for n in names:
    v = getattr(errno, n)
    print(n, v, errno.errorcode.get(v))

# aliases share a value; errorcode names one of them
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EWOULDBLOCK])
print(errno.ENOTSUP == errno.EOPNOTSUPP, errno.errorcode[errno.ENOTSUP])

print(type(errno.errorcode) is dict, errno.errorcode is errno.errorcode)
print(errno.errorcode[errno.EEXIST])
from errno import errorcode, ENOENT

print(errorcode[ENOENT])

# errorcode is an ordinary dict
errorcode[100000] = "EXAMPLE"
print(errno.errorcode[100000])
del errorcode[100000]
print(100000 in errno.errorcode)

# the codes of OSError
e = OSError(errno.ENOENT, "No such file or directory")
print(e.errno == errno.ENOENT, type(e).__name__, errno.errorcode[e.errno])
try:
    raise OSError(errno.EEXIST, "exists")
except OSError as exc:
    if exc.errno == errno.EEXIST:
        print("Directory already exists")

try:
    errno.ENOPE
except AttributeError as e:
    print("AttributeError", e)

# checking for a code the platform may lack, as portable programs do
print(hasattr(errno, "ENOENT"), hasattr(errno, "ENOPE"), hasattr(errno, "errorcode"))
print(getattr(errno, "ENOPE", -1), getattr(errno, "ENOENT", -1), getattr(errno, "EAGAIN", None) == errno.EAGAIN)
