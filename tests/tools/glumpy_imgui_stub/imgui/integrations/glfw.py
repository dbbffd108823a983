class GlfwRenderer:
    def __init__(self, window, attach_callbacks=True): pass
    def process_inputs(self): pass
    def render(self, draw_data): pass
    def shutdown(self): pass
