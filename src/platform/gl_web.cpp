// gl_web.cpp: the page's WebGL 2 renderer for Dear ImGui's draw data (imgui_web.cpp draws the frames).
#include <GLES3/gl3.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "imgui.h"
#include "platform/web_page.h"

// Dear ImGui's OpenGL backend saves and restores the GL state around each frame: some 25 glGet calls,
// each one a round trip to the browser's GPU process that waits for the last frame's drawing, over a
// millisecond a frame in Chromium, and more the more was drawn. The page owns its context, so this
// renderer sets what it needs and reads nothing back.
namespace {

struct Gl {
  GLuint program = 0, vao = 0, vbo = 0, ibo = 0, font = 0;
  GLint proj = -1, tex = -1;
};
Gl g_gl;

GLuint gl_shader(GLenum kind, const char* src) {
  const GLuint s = glCreateShader(kind);
  glShaderSource(s, 1, &src, nullptr);
  glCompileShader(s);
  return s;
}

}  // namespace

namespace web {

void gl_init() {
  const char* vs =
      "#version 300 es\nprecision highp float;\n"
      "layout(location = 0) in vec2 pos; layout(location = 1) in vec2 uv; layout(location = 2) in vec4 col;\n"
      "uniform mat4 proj; out vec2 f_uv; out vec4 f_col;\n"
      "void main() { f_uv = uv; f_col = col; gl_Position = proj * vec4(pos, 0.0, 1.0); }\n";
  const char* fs =
      "#version 300 es\nprecision mediump float;\n"
      "uniform sampler2D tex; in vec2 f_uv; in vec4 f_col; layout(location = 0) out vec4 out_col;\n"
      "void main() { out_col = f_col * texture(tex, f_uv); }\n";
  Gl& g = g_gl;
  g.program = glCreateProgram();
  const GLuint v = gl_shader(GL_VERTEX_SHADER, vs), f = gl_shader(GL_FRAGMENT_SHADER, fs);
  glAttachShader(g.program, v);
  glAttachShader(g.program, f);
  glLinkProgram(g.program);
  glDeleteShader(v);
  glDeleteShader(f);
  g.proj = glGetUniformLocation(g.program, "proj");
  g.tex = glGetUniformLocation(g.program, "tex");
  glGenVertexArrays(1, &g.vao);
  glGenBuffers(1, &g.vbo);
  glGenBuffers(1, &g.ibo);
  glBindVertexArray(g.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo);  // part of the vertex array's state
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  // The page owns its context: what every frame needs is set once and stays.
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glUseProgram(g.program);
  glUniform1i(g.tex, 0);
  glActiveTexture(GL_TEXTURE0);
}

// The font atlas as a texture (again when the pixel ratio changes).
void gl_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  if (g_gl.font) glDeleteTextures(1, &g_gl.font);
  glGenTextures(1, &g_gl.font);
  glBindTexture(GL_TEXTURE_2D, g_gl.font);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_gl.font)));
  // The atlas copied each font's bytes to build from (a fallback's are megabytes) and keeps its
  // pixels: both are on the GPU now. A rebuild adds the fonts again from the page's own bytes.
  io.Fonts->ClearInputData();
  io.Fonts->ClearTexData();
}

// One upload of every window's vertices and indices a frame (indices moved by where each window's
// vertices begin), and a texture bound or a scissor set only when it changes: WebGL calls cross into
// JavaScript and the GPU process, and their number, not the vertices, was most of the renderer's time.
// The state that never changes (blending, the program, the vertex array) is set once in gl_init.
void gl_draw(const ImDrawData* d) {
  const int fb_w = static_cast<int>(std::round(d->DisplaySize.x * d->FramebufferScale.x));  // as glViewport's
  const int fb_h = static_cast<int>(std::round(d->DisplaySize.y * d->FramebufferScale.y));
  if (fb_w <= 0 || fb_h <= 0) return;
  static_assert(sizeof(ImDrawIdx) == 4, "indices are 32-bit (imconfig: ImDrawIdx unsigned int)");
  static ImVector<ImDrawVert> vtx;
  static ImVector<ImDrawIdx> idx;
  vtx.resize(0);
  idx.resize(0);
  vtx.reserve(d->TotalVtxCount);
  idx.reserve(d->TotalIdxCount);
  for (const ImDrawList* list : d->CmdLists) {
    const ImDrawIdx base = static_cast<ImDrawIdx>(vtx.Size);
    const int at = idx.Size;
    vtx.resize(vtx.Size + list->VtxBuffer.Size);
    std::memcpy(vtx.Data + base, list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    idx.resize(idx.Size + list->IdxBuffer.Size);
    for (int i = 0; i < list->IdxBuffer.Size; ++i) idx[at + i] = list->IdxBuffer[i] + base;
  }
  const float l = d->DisplayPos.x, r = d->DisplayPos.x + d->DisplaySize.x;
  const float t = d->DisplayPos.y, b = d->DisplayPos.y + d->DisplaySize.y;
  static float last_proj[16];
  const float proj[16] = {2 / (r - l), 0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1};
  if (std::memcmp(proj, last_proj, sizeof proj) != 0) {
    std::memcpy(last_proj, proj, sizeof proj);
    glUniformMatrix4fv(g_gl.proj, 1, GL_FALSE, proj);
  }
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vtx.Size) * sizeof(ImDrawVert), vtx.Data, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(idx.Size) * sizeof(ImDrawIdx), idx.Data, GL_STREAM_DRAW);
  glEnable(GL_SCISSOR_TEST);
  const ImVec2 off = d->DisplayPos, scale = d->FramebufferScale;
  GLuint bound = 0;
  int scissor[4] = {-1, -1, -1, -1};
  size_t first = 0;  // where the current window's indices begin in the joined buffer
  for (const ImDrawList* list : d->CmdLists) {
    for (const ImDrawCmd& c : list->CmdBuffer) {
      if (c.UserCallback) {  // none of the page's own; Dear ImGui's reset asks for what is set already
        if (c.UserCallback != ImDrawCallback_ResetRenderState) c.UserCallback(list, &c);
        continue;
      }
      const ImVec2 lo((c.ClipRect.x - off.x) * scale.x, (c.ClipRect.y - off.y) * scale.y);
      const ImVec2 hi((c.ClipRect.z - off.x) * scale.x, (c.ClipRect.w - off.y) * scale.y);
      if (hi.x <= lo.x || hi.y <= lo.y) continue;
      const int s[4] = {static_cast<int>(lo.x), static_cast<int>(fb_h - hi.y), static_cast<int>(hi.x - lo.x),
                        static_cast<int>(hi.y - lo.y)};
      if (std::memcmp(s, scissor, sizeof s) != 0) {
        std::memcpy(scissor, s, sizeof s);
        glScissor(s[0], s[1], s[2], s[3]);
      }
      const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(c.GetTexID()));
      if (tex != bound) glBindTexture(GL_TEXTURE_2D, bound = tex);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(c.ElemCount), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>((first + c.IdxOffset) * sizeof(ImDrawIdx)));
    }
    first += static_cast<size_t>(list->IdxBuffer.Size);
  }
  glDisable(GL_SCISSOR_TEST);  // the next frame's clear covers the whole canvas
}

}  // namespace web
