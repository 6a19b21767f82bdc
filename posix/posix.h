/* Things of the POSIX port that are not part of the port interface. */
#ifndef PX_POSIX_H
#define PX_POSIX_H

/* SIGINT -> KeyboardInterrupt (through px_st.pending), SIGPIPE ignored. */
void px_posix_signals_init(void);
/* Called by px_port_poll: turn caught signals into px_st.pending_exc. */
void px_posix_signals_poll(void);

#endif
