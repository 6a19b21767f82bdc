# A small ray tracer: a vector class with operator methods, spheres and a
# plane, point lights with shadows and mirror reflection, rendered to a
# grid of 8-bit grey levels whose checksum is the answer.
from benchlib import measure


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return self.dot(self) ** 0.5

    def unit(self):
        return self.scale(1.0 / self.length())


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.unit()

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Sphere:
    def __init__(self, centre, radius, shade, mirror):
        self.centre = centre
        self.radius = radius
        self.shade = shade
        self.mirror = mirror

    def hit(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.centre).unit()


class Plane:
    def __init__(self, point, normal_vec, shade, mirror):
        self.point = point
        self.n = normal_vec.unit()
        self.shade = shade
        self.mirror = mirror

    def hit(self, ray):
        d = ray.direction.dot(self.n)
        if abs(d) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.n) / d
        return t if t > 1e-6 else None

    def normal(self, p):
        return self.n


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, 0.9, 0.3),
            Sphere(Vec(-2.2, 0.7, 6.5), 0.7, 0.6, 0.0),
            Sphere(Vec(2.0, 0.5, 4.0), 0.5, 0.8, 0.5),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), 0.5, 0.2),
        ]
        self.lights = [Vec(-4.0, 6.0, 1.0), Vec(5.0, 4.0, 0.0)]

    def nearest(self, ray):
        best = None
        best_t = 1e30
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and t < best_t:
                best_t = t
                best = obj
        return best, best_t

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return 0.1
        p = ray.at(t)
        n = obj.normal(p)
        light = 0.05
        for lp in self.lights:
            to_light = lp - p
            dist = to_light.length()
            shadow, st = self.nearest(Ray(p, to_light))
            if shadow is not None and st < dist:
                continue
            lambert = n.dot(to_light.scale(1.0 / dist))
            if lambert > 0.0:
                light += lambert * 0.5
        colour = obj.shade * light
        if obj.mirror > 0.0 and depth < 3:
            d = ray.direction
            refl = d - n.scale(2.0 * d.dot(n))
            colour = colour * (1.0 - obj.mirror) + obj.mirror * self.trace(Ray(p, refl), depth + 1)
        return colour


def render(width, height):
    scene = Scene()
    eye = Vec(0.0, 1.5, -1.0)
    checksum = 0
    hist = [0] * 8
    for j in range(height):
        for i in range(width):
            dx = (i - width / 2) / width
            dy = (height / 2 - j) / width
            c = scene.trace(Ray(eye, Vec(dx, dy, 1.0)), 0)
            g = int(min(c, 1.0) * 255)
            checksum = (checksum * 31 + g) % 1000000007
            hist[g >> 5] += 1
    return checksum, hist


def run():
    return render(200, 150)


measure(run, (108873064, [17114, 4499, 6473, 1614, 300, 0, 0, 0]))
