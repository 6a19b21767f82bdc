/* The event poller (events.h): one epoll set, a table of sources with
 * their callbacks, the tick timer that makes running code look at the set,
 * and the one blocking wait everything else is built on. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <time.h>

#include "events.h"
#include "services.h"
#include "thread.h"

/* ---- the sources */

typedef struct {
    int fd;
    uint32_t events;
    px_event_fn fn;
    px_val ctx;
} source;

/* A GC block (scanned: it keeps the ctx values alive), reached from a
 * root registered with the first source. */
static source *sources;
static int nsources, cap_sources;
static int epfd = -1;

static int find(int fd) {
    for (int i = 0; i < nsources; i++) {
        if (sources[i].fd == fd) {
            return i;
        }
    }
    return -1;
}

/* ---- the tick: while sources exist, a timer signal every TICK_NS sets
 * px_st.pending, so the VM calls px_port_poll -> px_events_poll between
 * bytecodes even if the program never blocks. The handler only stores a
 * flag. One POSIX timer queues at most one signal at a time (the rest
 * count as overruns), so a busy or blocked process is not flooded. */

#define TICK_SIGNAL SIGRTMIN
#define TICK_NS 1000000L

static timer_t tick_timer;
static bool tick_created, tick_armed;

static void on_tick(int sig) {
    (void)sig;
    px_st.pending = 1;
}

static int tick_create(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_tick;
    sa.sa_flags = SA_RESTART; /* reads and writes elsewhere are not disturbed */
    sigemptyset(&sa.sa_mask);
    if (sigaction(TICK_SIGNAL, &sa, NULL) != 0) {
        return errno;
    }
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = TICK_SIGNAL;
    if (timer_create(CLOCK_MONOTONIC, &sev, &tick_timer) != 0) {
        return errno;
    }
    tick_created = true;
    return 0;
}

static int tick_set(bool on) {
    if (on == tick_armed) {
        return 0;
    }
    if (!tick_created) {
        int err = tick_create();
        if (err != 0) {
            return err;
        }
    }
    struct itimerspec its;
    memset(&its, 0, sizeof its);
    if (on) {
        its.it_value.tv_nsec = TICK_NS;
        its.it_interval.tv_nsec = TICK_NS;
    }
    if (timer_settime(tick_timer, 0, &its, NULL) != 0) {
        return errno;
    }
    tick_armed = on;
    return 0;
}

/* ---- adding and removing */

static int grow_table(void) {
    if (sources == NULL) {
        px_gc_add_root(&sources, sizeof sources);
    }
    int ncap = cap_sources ? cap_sources * 2 : 8;
    source *t = px_gc_try_alloc(sizeof(source) * (size_t)ncap, 0);
    if (t == NULL) {
        return ENOMEM;
    }
    if (nsources > 0) {
        memcpy(t, sources, sizeof(source) * (size_t)nsources);
    }
    sources = t; /* the old block is garbage now */
    cap_sources = ncap;
    return 0;
}

int px_events_add(int fd, uint32_t events, px_event_fn fn, px_val ctx) {
    if (fd < 0 || fn == NULL) {
        return EBADF;
    }
    if (epfd < 0) {
        epfd = epoll_create1(EPOLL_CLOEXEC);
        if (epfd < 0) {
            return errno;
        }
    }
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.fd = fd;
    int i = find(fd);
    if (i >= 0) {
        if (epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev) != 0) {
            return errno;
        }
        sources[i].events = events;
        sources[i].fn = fn;
        sources[i].ctx = ctx;
        return 0;
    }
    if (nsources == cap_sources) {
        int err = grow_table();
        if (err != 0) {
            return err;
        }
    }
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        return errno;
    }
    int err = tick_set(true);
    if (err != 0) {
        epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
        return err;
    }
    sources[nsources++] = (source){fd, events, fn, ctx};
    return 0;
}

void px_events_remove(int fd) {
    int i = find(fd);
    if (i < 0) {
        return;
    }
    epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL); /* EBADF if already closed: fine */
    nsources--;
    memmove(&sources[i], &sources[i + 1], sizeof(source) * (size_t)(nsources - i));
    sources[nsources] = (source){-1, 0, NULL, PX_NULL};
    if (nsources == 0) {
        tick_set(false);
    }
}

/* ---- dispatch */

#define BATCH 16

void px_events_poll(void) {
    if (nsources == 0) {
        return;
    }
    struct epoll_event evs[BATCH];
    int n;
    do {
        n = epoll_wait(epfd, evs, BATCH, 0);
    } while (n < 0 && errno == EINTR);
    /* More than BATCH ready: the rest stay ready (level-triggered) and are
     * seen at the next tick or wait. */
    for (int k = 0; k < n; k++) {
        /* looked up again each time: a callback may remove other sources */
        int i = find(evs[k].data.fd);
        if (i >= 0) {
            source s = sources[i];
            s.fn(s.ctx, s.fd, evs[k].events);
        }
    }
}

/* ---- waiting */

/* An eventfd other threads write to end a wait of this one early (their
 * work may have made something it waits for ready, such as an asyncio
 * ThreadSafeFlag); -1 until the first thread starts. */
static int wake_fd = -1;

void px_events_wake_init(void) {
    if (wake_fd < 0) {
        wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    }
}

void px_events_wake(void) {
    if (wake_fd >= 0) {
        uint64_t one = 1;
        ssize_t r = write(wake_fd, &one, sizeof one);
        (void)r; /* a full counter is still readable: nothing lost */
    }
}

#define STACK_FDS 16
#define MAX_WAIT_US ((int64_t)1000000000 * 1000000) /* 31 years */

int px_events_wait_us(int64_t timeout_us, struct pollfd *extra, int nextra) {
    if (nextra < 0) {
        errno = EINVAL;
        return -1;
    }
    if (timeout_us != 0) {
        px_port_stdout_flush(); /* what was printed before a wait is seen during it */
    }
    struct pollfd local[STACK_FDS + 2];
    struct pollfd *fds = local;
    if (nextra > STACK_FDS) {
        fds = px_gc_try_alloc(sizeof(struct pollfd) * ((size_t)nextra + 2), PX_GC_LEAF);
        if (fds == NULL) {
            errno = ENOMEM;
            return -1;
        }
    }
    /* slot 0: the epoll set (fd -1, ignored, when there are no sources) */
    fds[0].fd = nsources > 0 ? epfd : -1;
    fds[0].events = POLLIN;
    fds[0].revents = 0;
    for (int i = 0; i < nextra; i++) {
        fds[i + 1] = extra[i];
        fds[i + 1].revents = 0;
    }
    /* last slot: another thread's poke (px_events_wake), once threads exist */
    fds[nextra + 1] = (struct pollfd){.fd = wake_fd, .events = POLLIN};
    struct timespec ts, *tsp = NULL;
    if (timeout_us > MAX_WAIT_US) {
        timeout_us = MAX_WAIT_US; /* a 32-bit time_t ends in 2038; callers wait again */
    }
    if (timeout_us >= 0) {
        ts.tv_sec = (time_t)(timeout_us / 1000000);
        ts.tv_nsec = (long)(timeout_us % 1000000) * 1000;
        tsp = &ts;
    }

    /* Signals are blocked from the pending check until ppoll unblocks them
     * atomically, so a SIGINT arriving in between still ends the wait. The
     * tick stays blocked while waiting: the epoll set itself wakes us. */
    sigset_t all, saved, during;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved);
    /* A wait that cannot block looks at the fds whatever is pending: a
     * caller polling with timeout 0 wants their state now, and the tick
     * sets px_st.pending every millisecond while sources exist (so bailing
     * out here made poll(0) report nothing ready, now and then). */
    if (px_st.pending && timeout_us != 0) {
        pthread_sigmask(SIG_SETMASK, &saved, NULL);
        for (int i = 0; i < nextra; i++) {
            extra[i].revents = 0;
        }
        return 0;
    }
    px_service_waiting(); /* the program runs: the automatic READY=1 */
    during = saved;
    sigaddset(&during, TICK_SIGNAL);
    px_thread_release(); /* other threads run while this one waits */
    int r = ppoll(fds, (nfds_t)nextra + 2, tsp, &during);
    int err = errno;
    px_thread_acquire();
    if (r > 0 && fds[nextra + 1].revents != 0) {
        uint64_t n;
        while (read(wake_fd, &n, sizeof n) > 0) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &saved, NULL);

    int ready = 0;
    for (int i = 0; i < nextra; i++) {
        extra[i].revents = r > 0 ? fds[i + 1].revents : 0;
        ready += extra[i].revents != 0;
    }
    if (r < 0) {
        if (err == EINTR) {
            return 0; /* a signal: its handler has set px_st.pending */
        }
        errno = err;
        return -1;
    }
    if (fds[0].revents != 0) {
        px_events_poll();
    }
    return ready;
}

int px_events_wait(int timeout_ms, struct pollfd *extra, int nextra) {
    return px_events_wait_us(timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000, extra, nextra);
}

void px_events_wait_fd(int fd, short events) {
    for (;;) {
        if (px_st.pending) {
            px_check_pending();
        }
        struct pollfd p = {.fd = fd, .events = events};
        int r = px_events_wait_us(-1, &p, 1);
        if (r > 0 || (r < 0 && errno != EINTR)) {
            return; /* ready, or an error the caller's own call will report */
        }
    }
}
