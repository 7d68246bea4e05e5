import { mount } from 'svelte';
import App from './App.svelte';
import { atlas } from './state/atlas.svelte.ts';
import { bench } from './state/bench.ts';
import { boot } from './state/boot.svelte.ts';

declare global {
  interface Window {
    __atlas: typeof bench & { state: typeof atlas };
  }
}

window.__atlas = Object.assign(bench, { state: atlas });
mount(App, { target: document.getElementById('app')! });
void boot();
