# The layers, and what each may use: the one statement of glumpp's architecture in the
# build (docs/ARCHITECTURE.md says why). A layer's headers (include/glumpp/<layer>/) and
# sources (src/<layer>/) include only <glumpp/Error.hpp>, their own layer and the layers
# listed here; its library links only theirs. glumpp_check_layer_links() enforces the links
# at configure time; the ctest `layers_includes` (tests/structure/check_layers.cmake)
# enforces the includes.
set(GLUMPP_LAYERS array geometry gloo transforms app svg text graphics plot imgui qt)
set(GLUMPP_LAYER_USES_array "")
set(GLUMPP_LAYER_USES_geometry array)
set(GLUMPP_LAYER_USES_gloo array)
set(GLUMPP_LAYER_USES_transforms array gloo)
set(GLUMPP_LAYER_USES_app array gloo)
set(GLUMPP_LAYER_USES_svg "")
set(GLUMPP_LAYER_USES_graphics array gloo svg transforms text)
set(GLUMPP_LAYER_USES_text array gloo)
set(GLUMPP_LAYER_USES_plot array gloo app transforms text graphics)
set(GLUMPP_LAYER_USES_imgui array gloo app) # optional: Dear ImGui (src/imgui)
set(GLUMPP_LAYER_USES_qt array gloo app)    # optional: Qt 6 or Qt 5 (src/qt)

# "array=;gloo=array;app=array,gloo;..." for scripts run with cmake -P.
function(glumpp_layer_table out)
  set(table "")
  foreach(layer IN LISTS GLUMPP_LAYERS)
    string(REPLACE ";" "," uses "${GLUMPP_LAYER_USES_${layer}}")
    list(APPEND table "${layer}=${uses}")
  endforeach()
  set(${out} "${table}" PARENT_SCOPE)
endfunction()

# Fails the configuration when a layer's library links a glumpp library it may not use.
function(glumpp_check_layer_links)
  foreach(layer IN LISTS GLUMPP_LAYERS)
    if(NOT TARGET glumpp_${layer})
      continue()
    endif()
    get_target_property(links glumpp_${layer} LINK_LIBRARIES)
    get_target_property(interface glumpp_${layer} INTERFACE_LINK_LIBRARIES)
    foreach(lib IN LISTS links interface)
      if(lib MATCHES "^glumpp(_|::)([a-z]+)$")
        set(used ${CMAKE_MATCH_2})
        if(NOT used STREQUAL "warnings" AND NOT used STREQUAL layer AND NOT used IN_LIST GLUMPP_LAYER_USES_${layer})
          message(FATAL_ERROR "glumpp_${layer} links glumpp_${used}, which the layer '${layer}' may not use "
                              "(it may use: ${GLUMPP_LAYER_USES_${layer}}; see cmake/Layers.cmake)")
        endif()
      endif()
    endforeach()
  endforeach()
endfunction()
