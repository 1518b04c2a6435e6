// A sync generator's yield handle smuggled out of its body, through a
// channel or a thread-local, to be used after the generator is gone. The
// handle's higher-ranked lifetime makes both a borrowck error.
use asyncgen::__private::Co;
use asyncgen::__private::sync::new;
use std::cell::RefCell;
use std::sync::mpsc;

thread_local! {
    static STASH: RefCell<Option<Co<'static, u32, ()>>> = const { RefCell::new(None) };
}

fn through_channel() {
    let (tx, rx) = mpsc::channel();
    let generator = new::<u32, (), (), _, _>(async move |co| {
        tx.send(co).unwrap();
    });
    drop(generator);
    let mut co = rx.recv().unwrap();
    co.yield_(1);
}

fn through_thread_local() {
    let generator = new::<u32, (), (), _, _>(async |co| {
        STASH.with(|stash| *stash.borrow_mut() = Some(co));
    });
    drop(generator);
    STASH.with(|stash| {
        stash.borrow_mut().as_mut().unwrap().yield_(1);
    });
}

fn main() {
    through_channel();
    through_thread_local();
}
