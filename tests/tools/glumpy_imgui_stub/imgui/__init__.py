# A stand-in for pyimgui (not installable here) so that glumpy's own imgui-integration.py
# runs: every widget call does nothing and no widget is drawn, so glumpy's picture is its
# scene alone (the cube), the reference for glumpp's port outside the widgets' area.
class _IO:
    want_capture_mouse = False
    want_capture_keyboard = False


def create_context(): return None
def get_io(): return _IO()
def new_frame(): pass
def begin_main_menu_bar(): return False
def end_main_menu_bar(): pass
def begin_menu(*a): return False
def end_menu(): pass
def menu_item(*a): return (False, False)
def begin(*a, **k): return True
def end(): pass
def slider_float(label, value, lo, hi, *a): return (False, value)
def end_frame(): pass
def render(): pass
def get_draw_data(): return None
