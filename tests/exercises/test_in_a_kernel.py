"""The time limit and the verdict display in a real IPython kernel, as a student meets them."""

import time

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

LOOP = '''from coursekit.exercises import check

def f(p):
    while True:
        pass

check("01.2", f)'''


def test_a_looping_function_gets_a_verdict_and_the_kernel_goes_on():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(LOOP),
        nbformat.v4.new_code_cell("print(1 + 1)"),
    ])
    start = time.monotonic()
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    elapsed = time.monotonic() - start
    (shown,) = nb.cells[0].outputs
    assert shown.output_type == "display_data"
    assert shown.data["text/plain"] == (
        "Not yet: for p = 0.5 your function did not return within 3 s; look for a loop that never ends.")
    assert "<strong>Not yet</strong>: " in shown.data["text/html"]
    assert nb.cells[1].outputs[0].text == "2\n"  # the kernel is free again
    assert elapsed < 45


def test_interrupting_the_kernel_during_a_check_stops_the_cell():
    km, kc = start_new_kernel(kernel_name="python3")
    try:
        msg_id = kc.execute(LOOP)
        time.sleep(1.0)  # the check is waiting on the looping function
        km.interrupt_kernel()
        errors, shown = [], []
        while True:
            msg = kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "error":
                errors.append(msg["content"]["ename"])
            if msg["msg_type"] == "display_data":
                shown.append(msg["content"]["data"]["text/plain"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        assert errors == ["KeyboardInterrupt"] and shown == []  # not swallowed into a verdict
        # ipykernel aborts requests that reach it while it still unwinds the
        # interrupted one (stop_on_error; seen with ipykernel 6.25, the floor).
        for _ in range(10):
            reply = kc.execute_interactive("print('still alive')", timeout=30)
            if reply["content"]["status"] != "aborted":
                break
            time.sleep(0.5)
        assert reply["content"]["status"] == "ok"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
