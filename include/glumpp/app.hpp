#pragma once
// The app layer: windows (GLFW or offscreen), events, the run loop, the command line,
// screenshots and video.
#include <glumpp/app/Clock.hpp>
#include <glumpp/app/Event.hpp>
#include <glumpp/app/EventLoop.hpp>
#include <glumpp/app/Image.hpp>
#include <glumpp/app/Options.hpp>
#include <glumpp/app/Run.hpp>
#include <glumpp/app/VideoRecorder.hpp>
#include <glumpp/app/Window.hpp>
#include <glumpp/gloo.hpp>
// embed (issue 14): nested viewports with event routing
#include <glumpp/app/Viewport.hpp>
