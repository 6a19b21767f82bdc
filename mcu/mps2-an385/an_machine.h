/* What the mps2-an385's machine module gives the board. */
#ifndef AN_MACHINE_H
#define AN_MACHINE_H

/* Between bytecodes (px_port_poll, which clears px_st.pending first):
 * the timers whose period ended become scheduled calls (machine_timer.c). */
void an_machine_timer_poll(void);

#endif
