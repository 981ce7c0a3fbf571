
use builtin;
use str;

set edit:completion:arg-completer[flashchat] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'flashchat'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'flashchat'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand chat 'Chat with the model in the terminal; every turn is saved as a session'
            cand tui 'Full-screen workspace: the chat, sessions, models, live metrics and the server''s log in panes'
            cand serve 'Run the OpenAI-compatible HTTP server as a background daemon'
            cand prompt 'Answer one prompt on stdout (text piped on stdin is added as context)'
            cand batch 'Answer every prompt of a JSONL or CSV file through the server''s slots; reruns go on where one stopped'
            cand compare 'Ask several models the same question and show their answers side by side, with their speed'
            cand embed 'Embed texts (arguments, or stdin lines) as vectors on stdout'
            cand ps 'Show the running server''s loaded models: state, slots, queue, idle time, size'
            cand cache 'Show or empty the saved conversation KV states (the cache folder''s kv/)'
            cand mcp 'List, add and remove MCP servers (Model Context Protocol) and see their tools'
            cand templates 'List, show, write and edit prompt templates (for `prompt -t NAME`)'
            cand config 'Show or change the configuration'
            cand status 'Show paths, the resolved model, settings, CPU features and server state'
            cand sessions 'List, show, search, export, rename and delete saved chat sessions'
            cand models 'List, download, inspect and choose GGUF models'
            cand benchmark 'Measure expert and whole-model speed (run, verify, bench, moe, moebench, full, fullbench)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;chat'= {
            cand --resume 'Continue a saved session: its id, its number in `flashchat sessions`, or `last`'
            cand --persona 'Start with a persona''s system prompt and settings'
            cand --mcp 'Offer only this MCP server''s tools (repeatable)'
            cand --tool-choice 'Tool use at the first step of each turn: auto, required, none, or a tool''s name (config: agent.tool_choice)'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --no-tools 'Offer the model no MCP tools in this chat'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;tui'= {
            cand --resume 'Continue a saved session: its id, its number in `flashchat sessions`, or `last`'
            cand --persona 'Start with a persona''s system prompt and settings'
            cand --mcp 'Offer only this MCP server''s tools (repeatable)'
            cand --tool-choice 'Tool use at the first step of each turn: auto, required, none, or a tool''s name (config: agent.tool_choice)'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --no-tools 'Offer the model no MCP tools in this chat'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;serve'= {
            cand --port 'Port to listen on (default from config: server.port)'
            cand --host 'Address to bind (default from config: server.host)'
            cand --parallel 'Number of requests decoded in parallel (default from config: server.parallel)'
            cand --api-key 'Require this key as `Authorization: Bearer KEY` (default from config: server.api_key)'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --stop 'Stop the running server (SIGTERM, then wait up to 10 s)'
            cand --force 'With --stop: SIGKILL the server if it has not exited after 10 s'
            cand --foreground 'Run attached to the terminal instead of as a daemon (systemd, containers)'
            cand --allow-unauthenticated 'Allow listening on a non-loopback address without an API key'
            cand --logs 'Print the server log'
            cand -f 'With --logs: keep printing new lines as they are written'
            cand --follow 'With --logs: keep printing new lines as they are written'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;prompt'= {
            cand -n 'Maximum number of tokens to generate (config: max_tokens)'
            cand --tokens 'Maximum number of tokens to generate (config: max_tokens)'
            cand --temperature 'Sampling temperature; 0 picks the most likely token every time (config: temperature)'
            cand --top-p 'Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)'
            cand --seed 'Random seed: the same seed, prompt and settings give the same text (config: seed)'
            cand --system 'System prompt (config: system_prompt)'
            cand --stop 'Stop when the model writes STRING (repeatable); the string itself is not printed'
            cand --persona 'Answer as a persona: its system prompt and settings (`flashchat chat` lists them with /persona)'
            cand --schema 'Answer with JSON that validates against this JSON schema: a file, or the schema itself'
            cand --grammar 'Answer following this GBNF grammar file (llama.cpp''s grammar format, start rule `root`)'
            cand --mcp 'With tools: only this MCP server''s (repeatable; implies --tools)'
            cand --tool-choice 'Tool use at the first step: auto, required, none, or a tool''s name (config: agent.tool_choice)'
            cand --max-steps 'Most answers with tool calls before the loop stops (config: agent.max_steps)'
            cand -t 'Fill the prompt template NAME (`flashchat templates`); stdin is its `input`'
            cand --template 'Fill the prompt template NAME (`flashchat templates`); stdin is its `input`'
            cand -p 'A template variable''s value (repeatable): -p NAME VALUE'
            cand --var 'A template variable''s value (repeatable): -p NAME VALUE'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --raw 'Send the text to the model as is, without the model''s chat template or system prompt'
            cand --stats 'Print token counts and timings to stderr after the answer'
            cand --local 'Load the model in this process even when a server is running (config: use_server)'
            cand --json 'Print one JSON object (text, finish reason, usage, timings) instead of streaming text'
            cand --tools 'Let the model call the tools of the enabled MCP servers (`flashchat mcp list`); calls and results go to stderr'
            cand --yes 'Run tool calls that need confirmation without asking (otherwise they are refused)'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;batch'= {
            cand -o 'Write the results here (.csv for CSV, JSON Lines otherwise) and go on from what it holds; without it they go to stdout'
            cand --output 'Write the results here (.csv for CSV, JSON Lines otherwise) and go on from what it holds; without it they go to stdout'
            cand -t 'Fill the prompt template NAME with each record''s fields (`flashchat templates`)'
            cand --template 'Fill the prompt template NAME with each record''s fields (`flashchat templates`)'
            cand -p 'A template variable shared by every record (repeatable): -p NAME VALUE'
            cand --var 'A template variable shared by every record (repeatable): -p NAME VALUE'
            cand --parallel 'Requests at a time; a server started for the batch gets this many slots (config: server.parallel)'
            cand -n 'Maximum number of tokens to generate (config: max_tokens)'
            cand --tokens 'Maximum number of tokens to generate (config: max_tokens)'
            cand --temperature 'Sampling temperature; 0 picks the most likely token every time (config: temperature)'
            cand --top-p 'Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)'
            cand --seed 'Random seed: the same seed, prompt and settings give the same text (config: seed)'
            cand --system 'System prompt (config: system_prompt)'
            cand --schema 'Every answer is JSON that validates against this schema: a file, or the schema itself'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --dry-run 'Check the input and print the first request that would be sent, sending nothing'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;compare'= {
            cand -m 'A model to ask (repeat for each, at least two): a name from `flashchat models`, an alias or a spec'
            cand --with 'A model to ask (repeat for each, at least two): a name from `flashchat models`, an alias or a spec'
            cand -n 'Maximum number of tokens to generate (config: max_tokens)'
            cand --tokens 'Maximum number of tokens to generate (config: max_tokens)'
            cand --temperature 'Sampling temperature; 0 picks the most likely token every time (config: temperature)'
            cand --top-p 'Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)'
            cand --seed 'Random seed: the same seed, prompt and settings give the same text (config: seed)'
            cand --system 'System prompt (config: system_prompt)'
            cand --save 'Also write the comparison to FILE as a Markdown table'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print one JSON object (the prompt, and each model''s answer, usage and timings)'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;embed'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON (the model, each text and its vector, the token count) instead of one vector per line'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;ps'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;cache'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'The folder, its size and bound, and each saved state (the default action)'
            cand clear 'Remove every saved state'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;cache;list'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;cache;clear'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;cache;help'= {
            cand list 'The folder, its size and bound, and each saved state (the default action)'
            cand clear 'Remove every saved state'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;cache;help;list'= {
        }
        &'flashchat;cache;help;clear'= {
        }
        &'flashchat;cache;help;help'= {
        }
        &'flashchat;mcp'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Start each enabled server, list its tools and stop it (the default action)'
            cand add 'Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`'
            cand rm 'Remove a server from the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;mcp;list'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;mcp;add'= {
            cand --env 'An environment variable for a command server (repeatable)'
            cand --url 'A streamable HTTP server''s URL, instead of a command'
            cand --header 'A header for a URL server; ${VAR} takes an environment variable (repeatable)'
            cand --trust 'Tools that run without asking: always, or tool names separated by commas'
            cand --timeout 'Seconds that starting it, listing its tools or one call may take [default: 30]'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;mcp;rm'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;mcp;help'= {
            cand list 'Start each enabled server, list its tools and stop it (the default action)'
            cand add 'Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`'
            cand rm 'Remove a server from the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;mcp;help;list'= {
        }
        &'flashchat;mcp;help;add'= {
        }
        &'flashchat;mcp;help;rm'= {
        }
        &'flashchat;mcp;help;help'= {
        }
        &'flashchat;templates'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Each template with its description and variables (the default action)'
            cand show 'Print a template''s file'
            cand new 'Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR'
            cand edit 'Open a template in $VISUAL or $EDITOR'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;templates;list'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;templates;show'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;templates;new'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --from-last 'Start from the last prompt `flashchat prompt` answered'
            cand --force 'Replace a template of that name'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;templates;edit'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;templates;help'= {
            cand list 'Each template with its description and variables (the default action)'
            cand show 'Print a template''s file'
            cand new 'Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR'
            cand edit 'Open a template in $VISUAL or $EDITOR'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;templates;help;list'= {
        }
        &'flashchat;templates;help;show'= {
        }
        &'flashchat;templates;help;new'= {
        }
        &'flashchat;templates;help;edit'= {
        }
        &'flashchat;templates;help;help'= {
        }
        &'flashchat;config'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --reset 'Run the setup wizard again (sessions are kept)'
            cand --full-reset 'Delete config, sessions, history, personas and logs (never model files)'
            cand --yes 'With --full-reset: do not ask for confirmation'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Print the effective settings (the default action)'
            cand path 'Print the path of the config file in use'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;config;show'= {
            cand -t 'The settings as `prompt -t NAME` would run with them'
            cand --template 'The settings as `prompt -t NAME` would run with them'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --origin 'Say where each value came from: cli, env, file or default'
            cand --json 'Print one JSON object'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;config;path'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;config;help'= {
            cand show 'Print the effective settings (the default action)'
            cand path 'Print the path of the config file in use'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;config;help;show'= {
        }
        &'flashchat;config;help;path'= {
        }
        &'flashchat;config;help;help'= {
        }
        &'flashchat;status'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print one JSON object'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;sessions'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Table of sessions, newest first (the default action)'
            cand show 'Print one session'
            cand search 'Full-text search across all sessions'
            cand export 'Write a session as Markdown, JSON Lines or JSON'
            cand rename 'Give a session a new title'
            cand delete 'Delete sessions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;sessions;list'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;sessions;show'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;sessions;search'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;sessions;export'= {
            cand --format 'Output format'
            cand -o 'Write to FILE instead of stdout'
            cand --output 'Write to FILE instead of stdout'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;sessions;rename'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;sessions;delete'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;sessions;help'= {
            cand list 'Table of sessions, newest first (the default action)'
            cand show 'Print one session'
            cand search 'Full-text search across all sessions'
            cand export 'Write a session as Markdown, JSON Lines or JSON'
            cand rename 'Give a session a new title'
            cand delete 'Delete sessions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;sessions;help;list'= {
        }
        &'flashchat;sessions;help;show'= {
        }
        &'flashchat;sessions;help;search'= {
        }
        &'flashchat;sessions;help;export'= {
        }
        &'flashchat;sessions;help;rename'= {
        }
        &'flashchat;sessions;help;delete'= {
        }
        &'flashchat;sessions;help;help'= {
        }
        &'flashchat;models'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Every GGUF found on disk, with size, quantisation and architecture (the default action)'
            cand pull 'Download a GGUF from Hugging Face into the shared cache'
            cand info 'Print a model''s GGUF metadata'
            cand add 'Register a GGUF file where it is (no copy)'
            cand rm 'Delete a downloaded model'
            cand use 'Make a model the default'
            cand unload 'Unload a model from the running server (it loads again when a request names it)'
            cand alias 'Give a model a short name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;models;list'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;models;pull'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;models;info'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;models;add'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;models;rm'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;models;use'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;models;unload'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;models;alias'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print JSON instead of a table or text'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;models;help'= {
            cand list 'Every GGUF found on disk, with size, quantisation and architecture (the default action)'
            cand pull 'Download a GGUF from Hugging Face into the shared cache'
            cand info 'Print a model''s GGUF metadata'
            cand add 'Register a GGUF file where it is (no copy)'
            cand rm 'Delete a downloaded model'
            cand use 'Make a model the default'
            cand unload 'Unload a model from the running server (it loads again when a request names it)'
            cand alias 'Give a model a short name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;models;help;list'= {
        }
        &'flashchat;models;help;pull'= {
        }
        &'flashchat;models;help;info'= {
        }
        &'flashchat;models;help;add'= {
        }
        &'flashchat;models;help;rm'= {
        }
        &'flashchat;models;help;use'= {
        }
        &'flashchat;models;help;unload'= {
        }
        &'flashchat;models;help;alias'= {
        }
        &'flashchat;models;help;help'= {
        }
        &'flashchat;benchmark'= {
            cand --iterations 'Timed iterations [default: 10 for bench and moebench, 3 for fullbench, else 1]'
            cand --warmup 'Untimed iterations before the timed ones'
            cand --threads 'CPU threads [default: the `threads` setting]'
            cand --baseline 'Compare with an earlier --json result of the same target; exit 1 when slower'
            cand --max-regression 'How much slower than the baseline''s median fails, in percent'
            cand --save 'Write this run''s JSON result to FILE, to use as a --baseline later'
            cand --depth 'Layers of the whole model that `moe` extrapolates one layer to [default: 48]'
            cand --tolerance '`verify`: the largest difference between two token probabilities that passes'
            cand --perturb '`verify` self-test: shift one batched logit by X times its row''s scale'
            cand --experts-used 'Active experts K per token, overriding the model''s own count'
            cand --layers 'Synthetic model: layers'
            cand --experts 'Synthetic model: experts per layer (0 for dense); with a GGUF model, the same as --experts-used'
            cand --embd 'Synthetic model: embedding width'
            cand --ff 'Synthetic model: feed-forward width (per expert)'
            cand --quant 'Synthetic model: tensor type'
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand --json 'Print one JSON object: machine, llama.cpp build, model, every iteration, statistics'
            cand --history 'Show earlier runs (of the target, when given) and how their medians moved'
            cand --synthetic 'Measure a synthetic model even when a model is configured'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'flashchat;completions'= {
            cand --config 'Read settings from FILE instead of the user config file'
            cand --model 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf'
            cand --color 'When to use colour on the terminal'
            cand --chat-template 'A Jinja chat template file to use instead of the model''s own (config: chat_template)'
            cand --cache-type-k 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)'
            cand --cache-type-v 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)'
            cand --flash-attention 'Flash attention: auto, on or off (config: flash_attention)'
            cand --gpu-layers 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)'
            cand --main-gpu 'The GPU holding the model, or the results when split (config: main_gpu)'
            cand --split-mode 'How several GPUs share a model: none, layer or row (config: split_mode)'
            cand -v 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand --verbose 'Show more detail on stderr (llama.cpp''s own log lines with -v)'
            cand -q 'Print only data and errors: no status lines or progress'
            cand --quiet 'Print only data and errors: no status lines or progress'
            cand --swa-full 'Keep a full-length cache for sliding-window layers (config: swa_full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'flashchat;help'= {
            cand chat 'Chat with the model in the terminal; every turn is saved as a session'
            cand tui 'Full-screen workspace: the chat, sessions, models, live metrics and the server''s log in panes'
            cand serve 'Run the OpenAI-compatible HTTP server as a background daemon'
            cand prompt 'Answer one prompt on stdout (text piped on stdin is added as context)'
            cand batch 'Answer every prompt of a JSONL or CSV file through the server''s slots; reruns go on where one stopped'
            cand compare 'Ask several models the same question and show their answers side by side, with their speed'
            cand embed 'Embed texts (arguments, or stdin lines) as vectors on stdout'
            cand ps 'Show the running server''s loaded models: state, slots, queue, idle time, size'
            cand cache 'Show or empty the saved conversation KV states (the cache folder''s kv/)'
            cand mcp 'List, add and remove MCP servers (Model Context Protocol) and see their tools'
            cand templates 'List, show, write and edit prompt templates (for `prompt -t NAME`)'
            cand config 'Show or change the configuration'
            cand status 'Show paths, the resolved model, settings, CPU features and server state'
            cand sessions 'List, show, search, export, rename and delete saved chat sessions'
            cand models 'List, download, inspect and choose GGUF models'
            cand benchmark 'Measure expert and whole-model speed (run, verify, bench, moe, moebench, full, fullbench)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'flashchat;help;chat'= {
        }
        &'flashchat;help;tui'= {
        }
        &'flashchat;help;serve'= {
        }
        &'flashchat;help;prompt'= {
        }
        &'flashchat;help;batch'= {
        }
        &'flashchat;help;compare'= {
        }
        &'flashchat;help;embed'= {
        }
        &'flashchat;help;ps'= {
        }
        &'flashchat;help;cache'= {
            cand list 'The folder, its size and bound, and each saved state (the default action)'
            cand clear 'Remove every saved state'
        }
        &'flashchat;help;cache;list'= {
        }
        &'flashchat;help;cache;clear'= {
        }
        &'flashchat;help;mcp'= {
            cand list 'Start each enabled server, list its tools and stop it (the default action)'
            cand add 'Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`'
            cand rm 'Remove a server from the config file'
        }
        &'flashchat;help;mcp;list'= {
        }
        &'flashchat;help;mcp;add'= {
        }
        &'flashchat;help;mcp;rm'= {
        }
        &'flashchat;help;templates'= {
            cand list 'Each template with its description and variables (the default action)'
            cand show 'Print a template''s file'
            cand new 'Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR'
            cand edit 'Open a template in $VISUAL or $EDITOR'
        }
        &'flashchat;help;templates;list'= {
        }
        &'flashchat;help;templates;show'= {
        }
        &'flashchat;help;templates;new'= {
        }
        &'flashchat;help;templates;edit'= {
        }
        &'flashchat;help;config'= {
            cand show 'Print the effective settings (the default action)'
            cand path 'Print the path of the config file in use'
        }
        &'flashchat;help;config;show'= {
        }
        &'flashchat;help;config;path'= {
        }
        &'flashchat;help;status'= {
        }
        &'flashchat;help;sessions'= {
            cand list 'Table of sessions, newest first (the default action)'
            cand show 'Print one session'
            cand search 'Full-text search across all sessions'
            cand export 'Write a session as Markdown, JSON Lines or JSON'
            cand rename 'Give a session a new title'
            cand delete 'Delete sessions'
        }
        &'flashchat;help;sessions;list'= {
        }
        &'flashchat;help;sessions;show'= {
        }
        &'flashchat;help;sessions;search'= {
        }
        &'flashchat;help;sessions;export'= {
        }
        &'flashchat;help;sessions;rename'= {
        }
        &'flashchat;help;sessions;delete'= {
        }
        &'flashchat;help;models'= {
            cand list 'Every GGUF found on disk, with size, quantisation and architecture (the default action)'
            cand pull 'Download a GGUF from Hugging Face into the shared cache'
            cand info 'Print a model''s GGUF metadata'
            cand add 'Register a GGUF file where it is (no copy)'
            cand rm 'Delete a downloaded model'
            cand use 'Make a model the default'
            cand unload 'Unload a model from the running server (it loads again when a request names it)'
            cand alias 'Give a model a short name'
        }
        &'flashchat;help;models;list'= {
        }
        &'flashchat;help;models;pull'= {
        }
        &'flashchat;help;models;info'= {
        }
        &'flashchat;help;models;add'= {
        }
        &'flashchat;help;models;rm'= {
        }
        &'flashchat;help;models;use'= {
        }
        &'flashchat;help;models;unload'= {
        }
        &'flashchat;help;models;alias'= {
        }
        &'flashchat;help;benchmark'= {
        }
        &'flashchat;help;completions'= {
        }
        &'flashchat;help;help'= {
        }
    ]
    $completions[$command]
}
