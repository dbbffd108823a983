// The optional target of the installed package: glumpp::imgui, linked alone.
#include <glumpp/app.hpp>
#include <glumpp/imgui.hpp>

#include <cstdio>

using namespace glumpp;

int main() {
    app::WindowConfig config;
    config.width = 64;
    config.height = 64;
    config.backend = app::Backend::Offscreen;
    app::Window window(config);
    imgui::Gui gui(window);
    window.activate();
    gui.new_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(64, 64));
    ImGui::Begin("consumer");
    ImGui::End();
    window.clear();
    gui.render();
    Array image = window.read_pixels();
    const int sum = image.value<int>({32, 32, 0}) + image.value<int>({32, 32, 1}) + image.value<int>({32, 32, 2});
    std::printf("consumer_imgui: ImGui drew %s\n", sum ? "its window" : "nothing");
    return sum ? 0 : 1;
}
