#pragma once
// glumpp::imgui: Dear ImGui's widgets over glumpp's scene (optional target glumpp::imgui).
#include <glumpp/imgui/Gui.hpp>

#include <imgui.h>
