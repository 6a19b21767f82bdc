/* machine.Pin on Linux: one GPIO line request per Pin object. Shared by
 * machine_pin.c (the type), pin_irq.c (edges) and the
 * gpio listing. */
#ifndef PX_MACHINE_PIN_H
#define PX_MACHINE_PIN_H

#include "gpio_chip.h"
#include "machine_args.h" /* Pin.IN etc.; Linux reports edges only, not levels */

typedef struct px_pin_irq px_pin_irq;

typedef struct px_pin {
    px_obj base;              /* &px_type_pin */
    const px_gpio_chip *chip; /* keeps its discovery table alive */
    unsigned line;
    int fd;                   /* the line request, -1 when released */
    int mode;                 /* PX_PIN_IN/OUT/OPEN_DRAIN (ASIS before the first request) */
    int pull;                 /* PX_PIN_PULL_*; KEEP: leave the bias as the kernel has it */
    int out_value;            /* the output buffer: applied when the pin becomes an output */
    uint32_t debounce_us;
    uint32_t event_buffer;    /* kernel edge buffer size for this request */
    px_val consumer;          /* str, or PX_NULL for "micropython[pid]" */
    px_pin_irq *irq;          /* NULL until irq() is first called */
    bool gone;                /* released because its chip was unplugged */
} px_pin;

extern const px_type px_type_pin, px_type_pin_irq;
extern const px_stream_proto px_pin_stream;
extern const px_wrapper px_pin_list_obj; /* Pin.list (gpio_list.c) */

/* The Pin inside v (a Pin or an instance of a subclass); TypeError otherwise. */
px_pin *px_pin_of(px_val v);
/* The chip and line a Pin id names (pin_id.c); ValueError/TypeError/OSError. */
void px_pin_resolve(px_val id, const px_gpio_chip **chip, unsigned *line);
/* Pin(*args, **kw) */
px_val px_pin_new(size_t argc, const px_val *argv, px_val kwnames);
/* Push mode/pull/edges/debounce to the kernel: request the line if it is
 * not held, else reconfigure the request in place. */
void px_pin_apply(px_pin *p);
/* Release then request again (a new event buffer size needs it). */
void px_pin_rerequest(px_pin *p);
int px_pin_read(px_pin *p);
void px_pin_write(px_pin *p, int v);
/* "GPIO17" or "gpiochip0 line 17", for messages. */
void px_pin_describe(const px_pin *p, char *buf, size_t size);

/* ---- edges (pin_irq.c) */
/* Pin.irq(...) */
px_val px_pin_irq_method(size_t argc, const px_val *argv, px_val kwnames);
/* Edge flags the request needs for the IRQ trigger (0 if none). */
uint64_t px_pin_irq_line_flags(const px_pin *p);
/* The request fd is closing / was replaced: leave or rejoin the poller. */
void px_pin_irq_detach(px_pin *p);
void px_pin_irq_attach(px_pin *p);

/* ---- the table of chips and lines (gpio_list.c) */
void px_gpio_print_table(px_out *out);

#endif
