# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_flashchat_global_optspecs
    string join \n v/verbose q/quiet config= model= color= chat-template= cache-type-k= cache-type-v= flash-attention= swa-full gpu-layers= main-gpu= split-mode= h/help V/version
end

function __fish_flashchat_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_flashchat_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_flashchat_using_subcommand
    set -l cmd (__fish_flashchat_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c flashchat -n "__fish_flashchat_needs_command" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_needs_command" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_needs_command" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_needs_command" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_needs_command" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_needs_command" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_needs_command" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_needs_command" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_needs_command" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_needs_command" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_needs_command" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_needs_command" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_needs_command" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_needs_command" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_needs_command" -s V -l version -d 'Print version'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "chat" -d 'Chat with the model in the terminal; every turn is saved as a session'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "tui" -d 'Full-screen workspace: the chat, sessions, models, live metrics and the server\'s log in panes'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "serve" -d 'Run the OpenAI-compatible HTTP server as a background daemon'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "prompt" -d 'Answer one prompt on stdout (text piped on stdin is added as context)'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "batch" -d 'Answer every prompt of a JSONL or CSV file through the server\'s slots; reruns go on where one stopped'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "compare" -d 'Ask several models the same question and show their answers side by side, with their speed'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "embed" -d 'Embed texts (arguments, or stdin lines) as vectors on stdout'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "ps" -d 'Show the running server\'s loaded models: state, slots, queue, idle time, size'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "cache" -d 'Show or empty the saved conversation KV states (the cache folder\'s kv/)'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "mcp" -d 'List, add and remove MCP servers (Model Context Protocol) and see their tools'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "templates" -d 'List, show, write and edit prompt templates (for `prompt -t NAME`)'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "config" -d 'Show or change the configuration'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "status" -d 'Show paths, the resolved model, settings, CPU features and server state'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "sessions" -d 'List, show, search, export, rename and delete saved chat sessions'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "models" -d 'List, download, inspect and choose GGUF models'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "benchmark" -d 'Measure expert and whole-model speed (run, verify, bench, moe, moebench, full, fullbench)'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c flashchat -n "__fish_flashchat_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l resume -d 'Continue a saved session: its id, its number in `flashchat sessions`, or `last`' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l persona -d 'Start with a persona\'s system prompt and settings' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l mcp -d 'Offer only this MCP server\'s tools (repeatable)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l tool-choice -d 'Tool use at the first step of each turn: auto, required, none, or a tool\'s name (config: agent.tool_choice)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l no-tools -d 'Offer the model no MCP tools in this chat'
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand chat" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l resume -d 'Continue a saved session: its id, its number in `flashchat sessions`, or `last`' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l persona -d 'Start with a persona\'s system prompt and settings' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l mcp -d 'Offer only this MCP server\'s tools (repeatable)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l tool-choice -d 'Tool use at the first step of each turn: auto, required, none, or a tool\'s name (config: agent.tool_choice)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l no-tools -d 'Offer the model no MCP tools in this chat'
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand tui" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l port -d 'Port to listen on (default from config: server.port)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l host -d 'Address to bind (default from config: server.host)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l parallel -d 'Number of requests decoded in parallel (default from config: server.parallel)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l api-key -d 'Require this key as `Authorization: Bearer KEY` (default from config: server.api_key)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l stop -d 'Stop the running server (SIGTERM, then wait up to 10 s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l force -d 'With --stop: SIGKILL the server if it has not exited after 10 s'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l foreground -d 'Run attached to the terminal instead of as a daemon (systemd, containers)'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l allow-unauthenticated -d 'Allow listening on a non-loopback address without an API key'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l logs -d 'Print the server log'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -s f -l follow -d 'With --logs: keep printing new lines as they are written'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand serve" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -s n -l tokens -d 'Maximum number of tokens to generate (config: max_tokens)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l temperature -d 'Sampling temperature; 0 picks the most likely token every time (config: temperature)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l top-p -d 'Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l seed -d 'Random seed: the same seed, prompt and settings give the same text (config: seed)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l system -d 'System prompt (config: system_prompt)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l stop -d 'Stop when the model writes STRING (repeatable); the string itself is not printed' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l persona -d 'Answer as a persona: its system prompt and settings (`flashchat chat` lists them with /persona)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l schema -d 'Answer with JSON that validates against this JSON schema: a file, or the schema itself' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l grammar -d 'Answer following this GBNF grammar file (llama.cpp\'s grammar format, start rule `root`)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l mcp -d 'With tools: only this MCP server\'s (repeatable; implies --tools)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l tool-choice -d 'Tool use at the first step: auto, required, none, or a tool\'s name (config: agent.tool_choice)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l max-steps -d 'Most answers with tool calls before the loop stops (config: agent.max_steps)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -s t -l template -d 'Fill the prompt template NAME (`flashchat templates`); stdin is its `input`' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -s p -l var -d 'A template variable\'s value (repeatable): -p NAME VALUE' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l raw -d 'Send the text to the model as is, without the model\'s chat template or system prompt'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l stats -d 'Print token counts and timings to stderr after the answer'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l local -d 'Load the model in this process even when a server is running (config: use_server)'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l json -d 'Print one JSON object (text, finish reason, usage, timings) instead of streaming text'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l tools -d 'Let the model call the tools of the enabled MCP servers (`flashchat mcp list`); calls and results go to stderr'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l yes -d 'Run tool calls that need confirmation without asking (otherwise they are refused)'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand prompt" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -s o -l output -d 'Write the results here (.csv for CSV, JSON Lines otherwise) and go on from what it holds; without it they go to stdout' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -s t -l template -d 'Fill the prompt template NAME with each record\'s fields (`flashchat templates`)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -s p -l var -d 'A template variable shared by every record (repeatable): -p NAME VALUE' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l parallel -d 'Requests at a time; a server started for the batch gets this many slots (config: server.parallel)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -s n -l tokens -d 'Maximum number of tokens to generate (config: max_tokens)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l temperature -d 'Sampling temperature; 0 picks the most likely token every time (config: temperature)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l top-p -d 'Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l seed -d 'Random seed: the same seed, prompt and settings give the same text (config: seed)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l system -d 'System prompt (config: system_prompt)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l schema -d 'Every answer is JSON that validates against this schema: a file, or the schema itself' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l dry-run -d 'Check the input and print the first request that would be sent, sending nothing'
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand batch" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -s m -l with -d 'A model to ask (repeat for each, at least two): a name from `flashchat models`, an alias or a spec' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -s n -l tokens -d 'Maximum number of tokens to generate (config: max_tokens)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l temperature -d 'Sampling temperature; 0 picks the most likely token every time (config: temperature)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l top-p -d 'Nucleus sampling: keep the smallest set of tokens whose probability reaches P (config: top_p)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l seed -d 'Random seed: the same seed, prompt and settings give the same text (config: seed)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l system -d 'System prompt (config: system_prompt)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l save -d 'Also write the comparison to FILE as a Markdown table' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l json -d 'Print one JSON object (the prompt, and each model\'s answer, usage and timings)'
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand compare" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l json -d 'Print JSON (the model, each text and its vector, the token count) instead of one vector per line'
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand embed" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l json -d 'Print JSON instead of a table'
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand ps" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l json -d 'Print JSON instead of a table'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -f -a "list" -d 'The folder, its size and bound, and each saved state (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -f -a "clear" -d 'Remove every saved state'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and not __fish_seen_subcommand_from list clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l json -d 'Print JSON instead of a table'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "list" -d 'The folder, its size and bound, and each saved state (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove every saved state'
complete -c flashchat -n "__fish_flashchat_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l json -d 'Print JSON instead of a table'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -f -a "list" -d 'Start each enabled server, list its tools and stop it (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -f -a "add" -d 'Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -f -a "rm" -d 'Remove a server from the config file'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and not __fish_seen_subcommand_from list add rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l env -d 'An environment variable for a command server (repeatable)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l url -d 'A streamable HTTP server\'s URL, instead of a command' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l header -d 'A header for a URL server; ${VAR} takes an environment variable (repeatable)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l trust -d 'Tools that run without asking: always, or tool names separated by commas' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds that starting it, listing its tools or one call may take [default: 30]' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l json -d 'Print JSON instead of a table'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON instead of a table'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from help" -f -a "list" -d 'Start each enabled server, list its tools and stop it (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from help" -f -a "add" -d 'Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a server from the config file'
complete -c flashchat -n "__fish_flashchat_using_subcommand mcp; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -f -a "list" -d 'Each template with its description and variables (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -f -a "show" -d 'Print a template\'s file'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -f -a "new" -d 'Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -f -a "edit" -d 'Open a template in $VISUAL or $EDITOR'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and not __fish_seen_subcommand_from list show new edit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l from-last -d 'Start from the last prompt `flashchat prompt` answered'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l force -d 'Replace a template of that name'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "list" -d 'Each template with its description and variables (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print a template\'s file'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "new" -d 'Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Open a template in $VISUAL or $EDITOR'
complete -c flashchat -n "__fish_flashchat_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l reset -d 'Run the setup wizard again (sessions are kept)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l full-reset -d 'Delete config, sessions, history, personas and logs (never model files)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l yes -d 'With --full-reset: do not ask for confirmation'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -f -a "show" -d 'Print the effective settings (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -f -a "path" -d 'Print the path of the config file in use'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and not __fish_seen_subcommand_from show path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -s t -l template -d 'The settings as `prompt -t NAME` would run with them' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l origin -d 'Say where each value came from: cli, env, file or default'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print one JSON object'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the effective settings (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file in use'
complete -c flashchat -n "__fish_flashchat_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l json -d 'Print one JSON object'
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand status" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -f -a "list" -d 'Table of sessions, newest first (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -f -a "show" -d 'Print one session'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -f -a "search" -d 'Full-text search across all sessions'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -f -a "export" -d 'Write a session as Markdown, JSON Lines or JSON'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -f -a "rename" -d 'Give a session a new title'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -f -a "delete" -d 'Delete sessions'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and not __fish_seen_subcommand_from list show search export rename delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l format -d 'Output format' -r -f -a "md\t''
jsonl\t''
json\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to FILE instead of stdout' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l yes -d 'Do not ask for confirmation'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "list" -d 'Table of sessions, newest first (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print one session'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "search" -d 'Full-text search across all sessions'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a session as Markdown, JSON Lines or JSON'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Give a session a new title'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete sessions'
complete -c flashchat -n "__fish_flashchat_using_subcommand sessions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -f -a "list" -d 'Every GGUF found on disk, with size, quantisation and architecture (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -f -a "pull" -d 'Download a GGUF from Hugging Face into the shared cache'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -f -a "info" -d 'Print a model\'s GGUF metadata'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -f -a "add" -d 'Register a GGUF file where it is (no copy)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -f -a "rm" -d 'Delete a downloaded model'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -f -a "use" -d 'Make a model the default'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -f -a "unload" -d 'Unload a model from the running server (it loads again when a request names it)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -f -a "alias" -d 'Give a model a short name'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and not __fish_seen_subcommand_from list pull info add rm use unload alias help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l yes -d 'Do not ask for confirmation'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from unload" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l json -d 'Print JSON instead of a table or text'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from alias" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every GGUF found on disk, with size, quantisation and architecture (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Download a GGUF from Hugging Face into the shared cache'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "info" -d 'Print a model\'s GGUF metadata'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "add" -d 'Register a GGUF file where it is (no copy)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Delete a downloaded model'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a model the default'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "unload" -d 'Unload a model from the running server (it loads again when a request names it)'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "alias" -d 'Give a model a short name'
complete -c flashchat -n "__fish_flashchat_using_subcommand models; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l iterations -d 'Timed iterations [default: 10 for bench and moebench, 3 for fullbench, else 1]' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l warmup -d 'Untimed iterations before the timed ones' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l threads -d 'CPU threads [default: the `threads` setting]' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l baseline -d 'Compare with an earlier --json result of the same target; exit 1 when slower' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l max-regression -d 'How much slower than the baseline\'s median fails, in percent' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l save -d 'Write this run\'s JSON result to FILE, to use as a --baseline later' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l depth -d 'Layers of the whole model that `moe` extrapolates one layer to [default: 48]' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l tolerance -d '`verify`: the largest difference between two token probabilities that passes' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l perturb -d '`verify` self-test: shift one batched logit by X times its row\'s scale' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l experts-used -d 'Active experts K per token, overriding the model\'s own count' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l layers -d 'Synthetic model: layers' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l experts -d 'Synthetic model: experts per layer (0 for dense); with a GGUF model, the same as --experts-used' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l embd -d 'Synthetic model: embedding width' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l ff -d 'Synthetic model: feed-forward width (per expert)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l quant -d 'Synthetic model: tensor type' -r -f -a "q4_k_m\t''
q8_0\t''
f16\t''
f32\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l json -d 'Print one JSON object: machine, llama.cpp build, model, every iteration, statistics'
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l history -d 'Show earlier runs (of the target, when given) and how their medians moved'
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l synthetic -d 'Measure a synthetic model even when a model is configured'
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand benchmark" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l config -d 'Read settings from FILE instead of the user config file' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l model -d 'Model to use: a .gguf path, owner/repo[:QUANT] or owner/repo/file.gguf' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l color -d 'When to use colour on the terminal' -r -f -a "auto\t''
always\t''
never\t''"
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l chat-template -d 'A Jinja chat template file to use instead of the model\'s own (config: chat_template)' -r -F
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l cache-type-k -d 'KV cache key type: f16, q8_0, q4_0, … (config: cache_type_k)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l cache-type-v -d 'KV cache value type; a quantised one needs flash attention (config: cache_type_v)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l flash-attention -d 'Flash attention: auto, on or off (config: flash_attention)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l gpu-layers -d 'Layers offloaded to the GPU: auto, all or a number; 0 = CPU (config: gpu_layers)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l main-gpu -d 'The GPU holding the model, or the results when split (config: main_gpu)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l split-mode -d 'How several GPUs share a model: none, layer or row (config: split_mode)' -r
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -s v -l verbose -d 'Show more detail on stderr (llama.cpp\'s own log lines with -v)'
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -s q -l quiet -d 'Print only data and errors: no status lines or progress'
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -l swa-full -d 'Keep a full-length cache for sliding-window layers (config: swa_full)'
complete -c flashchat -n "__fish_flashchat_using_subcommand completions" -s h -l help -d 'Print help'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "chat" -d 'Chat with the model in the terminal; every turn is saved as a session'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "tui" -d 'Full-screen workspace: the chat, sessions, models, live metrics and the server\'s log in panes'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "serve" -d 'Run the OpenAI-compatible HTTP server as a background daemon'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "prompt" -d 'Answer one prompt on stdout (text piped on stdin is added as context)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "batch" -d 'Answer every prompt of a JSONL or CSV file through the server\'s slots; reruns go on where one stopped'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "compare" -d 'Ask several models the same question and show their answers side by side, with their speed'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "embed" -d 'Embed texts (arguments, or stdin lines) as vectors on stdout'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "ps" -d 'Show the running server\'s loaded models: state, slots, queue, idle time, size'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "cache" -d 'Show or empty the saved conversation KV states (the cache folder\'s kv/)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "mcp" -d 'List, add and remove MCP servers (Model Context Protocol) and see their tools'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "templates" -d 'List, show, write and edit prompt templates (for `prompt -t NAME`)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "config" -d 'Show or change the configuration'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "status" -d 'Show paths, the resolved model, settings, CPU features and server state'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "sessions" -d 'List, show, search, export, rename and delete saved chat sessions'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "models" -d 'List, download, inspect and choose GGUF models'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "benchmark" -d 'Measure expert and whole-model speed (run, verify, bench, moe, moebench, full, fullbench)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and not __fish_seen_subcommand_from chat tui serve prompt batch compare embed ps cache mcp templates config status sessions models benchmark completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "list" -d 'The folder, its size and bound, and each saved state (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clear" -d 'Remove every saved state'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from mcp" -f -a "list" -d 'Start each enabled server, list its tools and stop it (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from mcp" -f -a "add" -d 'Declare a server in the config file: `mcp add NAME -- COMMAND...` or `--url URL`'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from mcp" -f -a "rm" -d 'Remove a server from the config file'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "list" -d 'Each template with its description and variables (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "show" -d 'Print a template\'s file'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "new" -d 'Write a new template (an example, or the last prompt) and open it in $VISUAL or $EDITOR'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "edit" -d 'Open a template in $VISUAL or $EDITOR'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective settings (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file in use'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "list" -d 'Table of sessions, newest first (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "show" -d 'Print one session'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "search" -d 'Full-text search across all sessions'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "export" -d 'Write a session as Markdown, JSON Lines or JSON'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "rename" -d 'Give a session a new title'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from sessions" -f -a "delete" -d 'Delete sessions'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "list" -d 'Every GGUF found on disk, with size, quantisation and architecture (the default action)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "pull" -d 'Download a GGUF from Hugging Face into the shared cache'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "info" -d 'Print a model\'s GGUF metadata'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "add" -d 'Register a GGUF file where it is (no copy)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "rm" -d 'Delete a downloaded model'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "use" -d 'Make a model the default'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "unload" -d 'Unload a model from the running server (it loads again when a request names it)'
complete -c flashchat -n "__fish_flashchat_using_subcommand help; and __fish_seen_subcommand_from models" -f -a "alias" -d 'Give a model a short name'
