/* machine.WDT on the RP2040's watchdog: WDT(id=0, timeout=5000) as on
 * Linux (machine_args.h), the timeout 1 to 8388 ms (the counter's range).
 * Once started it cannot be stopped; a new WDT() restarts it with its own
 * timeout. A timeout resets the chip (machine.reset_cause() then says
 * WDT_RESET). */
#include "rp_machine.h"
#include "watchdog.h"

typedef struct rp_machine_wdt {
    px_obj base; /* &rp_type_wdt */
    uint32_t timeout_ms;
} rp_machine_wdt;

static px_val wdt_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_int id;
    int64_t ms;
    px_machine_wdt_args(argc, argv, kwnames, &id, &ms);
    if (id != 0) {
        px_raise_value_error("WDT(%lld) does not exist: the RP2040 has one watchdog, WDT(0)", (long long)id);
    }
    if (ms > RP_WATCHDOG_MAX_MS) {
        px_raise_value_error("timeout %lld ms is too long for the RP2040's watchdog: at most %u ms", (long long)ms,
                             (unsigned)RP_WATCHDOG_MAX_MS);
    }
    rp_machine_wdt *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &rp_type_wdt;
    o->timeout_ms = (uint32_t)ms;
    rp_watchdog_start(o->timeout_ms);
    return px_from_ptr(o);
}

static px_val wdt_feed(px_val self) {
    (void)px_native(self, &rp_type_wdt);
    rp_watchdog_feed();
    return PX_NONE;
}

static void wdt_print(px_out *out, px_val self, px_print_kind kind) {
    rp_machine_wdt *o = px_as_ptr(px_native(self, &rp_type_wdt));
    px_printf(out, "WDT(0, timeout=%u)", (unsigned)o->timeout_ms);
}

static PX_METH1(wdt_feed_obj, &rp_type_wdt, feed, wdt_feed);

static const px_map_entry wdt_table[] = {
    PX_ENTRY_OBJ(feed, &wdt_feed_obj),
};
static PX_CONST_MAP(wdt_dict, wdt_table);

const px_type rp_type_wdt = {
    .base = {&px_type_type},
    .name = PX_Q(WDT),
    .base_type = &px_type_object,
    .dict = &wdt_dict,
    .make = wdt_make,
    .print = wdt_print,
};
